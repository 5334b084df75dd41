import DocWatchConfig
import DocWatchCore
import DocWatchDaemon
import DocWatchIngest
import DocWatchExtract
import DocWatchFetch
import DocWatchStore
import DocWatchTestSupport
import Foundation
import Synchronization
import Testing

/// The default `recheck`: a corrected article is seen within a day, an unchanged one costs a 304.
@Suite("Recheck by default")
struct RecheckDefaultTests {
    static let list = """
        <html><head><meta charset="utf-8"><title>政策文件</title></head><body>
        <ul class="list"><li><a href="/zcwj/art_1.html">关于印发试点方案的通知</a><span>2024-07-30</span></li></ul></body></html>
        """

    static func article(_ number: String) -> String {
        """
        <html><head><meta charset="utf-8"><title>关于印发试点方案的通知</title></head><body>
        <h1>关于印发试点方案的通知</h1><div class="content"><p>\(number)</p>
        <p>各省、自治区、直辖市工业和信息化主管部门：现将试点方案印发给你们，请结合实际认真贯彻落实。</p>
        <p>试点期间新建5G基站5.2万座，规模以上工业企业复工率达到99.7%。</p></div></body></html>
        """
    }

    /// A list source as the config gives it, with no `recheck` key, and a pipeline on a hand clock.
    static func setUp(_ server: TestHTTPServer) throws -> (Source, IngestPipeline, ManualClock, CurlFetcher) {
        let config = try ConfigParser(environment: ["HOME": "/tmp"]).parse(
            "[[source]]\nid = \"zcwj\"\nurl = \"\(server.url("/zcwj/index.html"))\"\nkind = \"list\"\n", file: "/c.toml")
        let source = try #require(config.sources.first)
        let clock = ManualClock(start: Date(timeIntervalSince1970: 1_722_300_000))
        var settings = HTTPSettings()
        settings.hostDelay = 0
        let fetcher = CurlFetcher(settings: settings, userAgent: "docwatch-test")
        let pipeline = IngestPipeline(fetcher: fetcher, database: try DocWatchDatabase.inMemory(), extractor: Extractor(), clock: clock)
        return (source, pipeline, clock, fetcher)
    }

    @Test("an article corrected after it was stored is re-requested and stored as changed within a day, with no recheck key")
    func correctionSeenWithinADay() async throws {
        let server = try await TestHTTPServer.start()
        let (source, pipeline, clock, fetcher) = try Self.setUp(server)
        defer { fetcher.shutdown(); Task { await server.stop() } }
        server.page(path: "/zcwj/index.html", body: Self.list, etag: "\"list\"")
        server.page(path: "/zcwj/art_1.html", body: Self.article("工信部通〔2024〕12号"), etag: "\"v1\"")
        let first = await pipeline.poll(source)
        #expect(first.articles.map(\.outcome) == [.new])

        // The ministry corrects the document number; its list page stays as it was.
        server.page(path: "/zcwj/art_1.html", body: Self.article("工信部通〔2024〕21号"), etag: "\"v2\"")
        let interval = try #require(source.recheck)
        #expect(interval <= 86_400)
        clock.advance(by: interval / 2)
        let early = await pipeline.poll(source)
        #expect(early.articles.isEmpty, "rechecked before its time: \(early.articles)")

        clock.advance(by: interval / 2 + 1)
        let due = await pipeline.poll(source)
        #expect(due.articles.map(\.outcome) == [.changed])
    }

    @Test("an unchanged article costs a conditional request answered 304")
    func unchangedCostsA304() async throws {
        let server = try await TestHTTPServer.start()
        let (source, pipeline, clock, fetcher) = try Self.setUp(server)
        defer { fetcher.shutdown(); Task { await server.stop() } }
        server.page(path: "/zcwj/index.html", body: Self.list, etag: "\"list\"")
        server.page(path: "/zcwj/art_1.html", body: Self.article("工信部通〔2024〕12号"), etag: "\"v1\"")
        _ = await pipeline.poll(source)
        clock.advance(by: try #require(source.recheck) + 1)
        server.resetRecords()
        let due = await pipeline.poll(source)
        #expect(due.articles.map(\.outcome) == [.notModified])
        #expect(server.requests(to: "/zcwj/art_1.html").first?.headers["if-none-match"] == "\"v1\"")
    }

    @Test("articles first seen longer ago than recheck_within are left alone")
    func oldArticlesLeftAlone() async throws {
        let server = try await TestHTTPServer.start()
        let (source, pipeline, clock, fetcher) = try Self.setUp(server)
        defer { fetcher.shutdown(); Task { await server.stop() } }
        server.page(path: "/zcwj/index.html", body: Self.list, etag: "\"list\"")
        server.page(path: "/zcwj/art_1.html", body: Self.article("工信部通〔2024〕12号"), etag: "\"v1\"")
        _ = await pipeline.poll(source)
        clock.advance(by: try #require(source.recheckWithin) + 1)
        let late = await pipeline.poll(source)
        #expect(late.articles.isEmpty)
    }
}
