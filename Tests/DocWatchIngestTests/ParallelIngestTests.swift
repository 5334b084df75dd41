import DocWatchCore
import DocWatchExtract
import DocWatchFetch
@testable import DocWatchIngest
import DocWatchStore
import DocWatchTestSupport
import Foundation
import GRDB
import Synchronization
import Testing

/// Many new pages at once: extracted in parallel, stored by one writer in order of arrival (several to a
/// transaction), with the fetched pages not yet stored bounded.
@Suite("Ingest: pages in parallel")
struct ParallelIngestTests {
    static let pageCount = 24

    /// Each page's outcome and its outbox event (url, type, version, content hash), by URL.
    struct Stored: Equatable {
        var outcome: FetchOutcome
        var eventType: ChangeEventType?
        var version: Int?
        var contentHash: String?
    }

    @Test("pages polled at once are stored with the same outcomes and events as polled one by one")
    func sameOutcomesAsOneByOne() async throws {
        let parallel = try await IngestBench()
        let serial = try await IngestBench()
        defer { Task { await parallel.close(); await serial.close() } }
        for bench in [parallel, serial] {
            for n in 0..<Self.pageCount {
                bench.server.page(path: "/p/\(n).html", body: IngestBench.article("第\(n)号文件"), etag: "\"p\(n)\"")
            }
        }
        let sources = { (bench: IngestBench) in
            (0..<Self.pageCount).map { Source(id: "p\($0)", url: bench.server.url("/p/\($0).html")) }
        }
        // A small backlog and batches, so pages wait for room and share transactions.
        let pipeline = IngestPipeline(fetcher: parallel.fetcher, database: parallel.database, extractor: Extractor(),
                                      backlogLimit: 3, maxBatch: 4)
        let parallelReports = await withTaskGroup(of: PollReport.self) { group in
            for source in sources(parallel) { group.addTask { await pipeline.poll(source) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        var serialReports: [PollReport] = []
        for source in sources(serial) { serialReports.append(await serial.pipeline.poll(source)) }

        let parallelStored = try Self.stored(parallelReports, in: parallel)
        let serialStored = try Self.stored(serialReports, in: serial)
        #expect(parallelStored.count == Self.pageCount)
        #expect(parallelStored == serialStored)
        // One event per new document, seqs 1…n with none missing, each report naming its own page's event.
        let events = try parallel.database.events(after: 0, limit: 1000).map(\.event)
        #expect(events.map(\.seq) == Array(1...Int64(Self.pageCount)))
        for report in parallelReports {
            #expect(events.first { $0.seq == report.event }?.url == report.url)
        }
        #expect(pipeline.backlog.peak >= 1)
    }

    @Test("the fetched pages not yet stored stay within the backlog limit plus the fetches in flight")
    func backlogBounded() async throws {
        let bench = try await IngestBench()
        defer { Task { await bench.close() } }
        for n in 0..<Self.pageCount {
            bench.server.page(path: "/p/\(n).html", body: IngestBench.article("第\(n)号文件"), etag: "\"p\(n)\"")
        }
        let limit = 2
        let pipeline = IngestPipeline(fetcher: bench.fetcher, database: bench.database, extractor: Extractor(), backlogLimit: limit)
        let reports = await withTaskGroup(of: PollReport.self) { group in
            for n in 0..<Self.pageCount {
                group.addTask { await pipeline.poll(Source(id: "p\(n)", url: bench.server.url("/p/\(n).html"))) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(reports.allSatisfy { $0.outcome == .new })
        // Fetches start only while fewer than `limit` pages are held; those already in flight (at most
        // `perHost` to the one host) may each bring one more.
        #expect(pipeline.backlog.peak <= limit + HTTPSettings().perHost)
    }

    @Test("a poll waits for room while the backlog is full and goes on once a page is stored")
    func waitsForRoom() async {
        let backlog = IngestBacklog(limit: 2)
        backlog.enter()
        backlog.enter()
        let passed = Flag()
        let waiter = Task {
            await backlog.waitForRoom()
            passed.set()
        }
        for _ in 0..<100 { await Task.yield() }
        #expect(!passed.value)
        backlog.leave()
        await waiter.value
        #expect(passed.value)
        #expect(backlog.peak == 2)
    }

    @Test("a batch with one page the store refuses stores the others in order and fails that one alone")
    func failingPageFailsAlone() async throws {
        let bench = try await IngestBench()
        defer { Task { await bench.close() } }
        try bench.database.syncSources([Source(id: "s", url: "http://example.test/")])
        try await DatabaseQueue(path: bench.directory.appendingPathComponent("docwatch.sqlite").path).write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse_page BEFORE INSERT ON document WHEN NEW.url LIKE '%refused%'
                BEGIN SELECT RAISE(ABORT, 'injected store failure'); END
                """)
        }
        let pages = ["first", "refused", "third"].map { name in
            let html = IngestBench.article("文件\(name)")
            let document = Extractor().extract(html: html, url: "http://example.test/\(name).html")
            return IngestedPage(source: "s", url: "http://example.test/\(name).html", fetchedAt: Date(), body: Array(html.utf8),
                                rawHash: ContentHash.raw(Array(html.utf8)), document: document)
        }
        let results = PageWriter.store(pages, in: bench.database)
        #expect((try? results[0].get())?.eventSeq == 1)
        #expect((try? results[1].get()) == nil)
        #expect((try? results[2].get())?.eventSeq == 2)
        let events = try bench.database.events(after: 0, limit: 10).map(\.event.url)
        #expect(events == ["http://example.test/first.html", "http://example.test/third.html"])
    }

    static func stored(_ reports: [PollReport], in bench: IngestBench) throws -> [String: Stored] {
        let events = try bench.database.events(after: 0, limit: 1000).map(\.event)
        var stored: [String: Stored] = [:]
        for report in reports {
            let path = URL(string: report.url)?.path ?? report.url
            let event = events.first { $0.seq == report.event }
            stored[path] = Stored(outcome: report.outcome, eventType: event?.type, version: event?.version, contentHash: event?.contentHash)
        }
        return stored
    }
}

/// A flag one task sets and another reads.
private final class Flag: Sendable {
    private let state = Mutex(false)
    func set() { state.withLock { $0 = true } }
    var value: Bool { state.withLock { $0 } }
}
