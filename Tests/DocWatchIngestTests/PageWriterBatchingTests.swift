import DocWatchCore
import DocWatchExtract
@testable import DocWatchIngest
import DocWatchStore
import Foundation
import Testing

/// When the page writer commits: pages arriving while others are still being extracted wait for them and
/// share one transaction; a page arriving while nothing is extracted is stored at once.
@Suite("Ingest: page writer batches")
struct PageWriterBatchingTests {
    /// What each case does before the last page arrives, and the transactions it expects.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        /// Extractions announced before any page arrives.
        let extractions: Int
        let maxBatch: Int
        let backlogLimit: Int
        /// Pages handed over as the end of their announced extraction (the rest arrive unannounced).
        let pages: Int
        /// Transactions once every page is stored, and the most pages one held.
        let transactions: Int
        let largestBatch: Int
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "three pages extracted together share one transaction", extractions: 3, maxBatch: 8, backlogLimit: 16, pages: 3,
             transactions: 1, largestBatch: 3),
        Case(name: "a full batch is written without waiting for the extractions still under way", extractions: 5, maxBatch: 2,
             backlogLimit: 16, pages: 5, transactions: 3, largestBatch: 2),
        Case(name: "pages stop waiting once half the backlog is queued", extractions: 5, maxBatch: 8, backlogLimit: 4,
             pages: 5, transactions: 3, largestBatch: 2),
    ]

    @Test("pages arriving while others are extracted wait for them", arguments: cases)
    func batches(_ test: Case) async throws {
        let bench = try await Bench()
        defer { bench.close() }
        let writer = PageWriter(maxBatch: test.maxBatch, backlogLimit: test.backlogLimit)
        for _ in 0..<test.extractions { writer.extractionBegins() }
        var tasks: [Task<Result<StoreResult, StoreError>, Never>] = []
        for n in 0..<test.pages {
            let page = bench.page(n)
            let database = bench.database
            tasks.append(Task { await writer.store(page, in: database, extracted: true) })
            // Each page is queued (and any write it started is over) before the next one arrives, so the order
            // of arrival and the batches are the test's.
            try await waitUntil { writer.arrived == n + 1 && !writer.isWriting }
        }
        var seqs: [Int64] = []
        for task in tasks { seqs.append(try #require(try await task.value.get().eventSeq)) }
        #expect(writer.written.transactions == test.transactions)
        #expect(writer.written.largestBatch == test.largestBatch)
        #expect(seqs == (1...Int64(test.pages)).map { $0 })
    }

    @Test("a page arriving while no other page is extracted is stored at once")
    func storedAtOnce() async throws {
        let bench = try await Bench()
        defer { bench.close() }
        let writer = PageWriter()
        let result = await writer.store(bench.page(0), in: bench.database)
        #expect((try? result.get())?.outcome == .new)
        #expect(writer.written.transactions == 1)
    }

    @Test("an extraction that ends without its page (failed, or fetching attachments) lets the waiting pages be written")
    func extractionEndedWritesWaiting() async throws {
        let bench = try await Bench()
        defer { bench.close() }
        let writer = PageWriter()
        writer.extractionBegins()
        writer.extractionBegins()
        let page = bench.page(0)
        let database = bench.database
        let waiting = Task { await writer.store(page, in: database, extracted: true) }
        try await waitUntil { writer.arrived == 1 }
        #expect(writer.written.transactions == 0)
        writer.extractionEnded(in: bench.database)
        #expect((try? await waiting.value.get())?.outcome == .new)
        #expect(writer.written.transactions == 1)
    }

    /// Yields until `condition` holds (a few thousand turns at most).
    private func waitUntil(_ condition: () -> Bool) async throws {
        for _ in 0..<10_000 where !condition() { await Task.yield() }
        try #require(condition())
    }

    /// A store in a temporary directory and distinct pages for it.
    struct Bench {
        let directory: URL
        let database: DocWatchDatabase

        init() async throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("page-writer-\(UUID().uuidString)")
            database = try DocWatchDatabase.open(path: directory.appendingPathComponent("docwatch.sqlite").path)
            try database.syncSources([Source(id: "s", url: "http://example.test/")])
        }

        func page(_ n: Int) -> IngestedPage {
            let html = IngestBench.article("第\(n)号文件")
            let url = "http://example.test/\(n).html"
            return IngestedPage(source: "s", url: url, fetchedAt: Date(), body: Array(html.utf8), rawHash: ContentHash.raw(Array(html.utf8)),
                                document: Extractor().extract(html: html, url: url))
        }

        func close() {
            try? FileManager.default.removeItem(at: directory)
        }
    }
}
