import DocWatchCore
import DocWatchTestSupport
import Foundation
import Testing

/// The pipeline as a user meets it: the real binary, real libcurl, a loopback server, real files.
@Suite("End to end: fetch, store, notify", .serialized)
struct PipelineEndToEndTests {
    /// Serves the three pages of issue 2: Traditional in UTF-8, Simplified GBK declared gb2312, Simplified GBK.
    static func serveThreePages(_ server: TestHTTPServer, gb2312Paragraphs: [String] = Fixtures.gb2312Paragraphs, views: Int = 40344, etagSuffix: String = "") {
        server.page(path: "/tw.html", body: Fixtures.article(title: Fixtures.traditionalTitle, site: "江蘇新聞網",
                                                             paragraphs: Fixtures.traditionalParagraphs, charset: "utf-8", views: views),
                    etag: "\"tw\(views)\"")
        server.set(path: "/gb2312.html", route: TestRoute(
            headers: ["Content-Type": "text/html", "ETag": "\"gb2312\(etagSuffix)\""],
            body: LegacyEncoding.gbk(Fixtures.article(title: Fixtures.gb2312Title, site: "现代快报网", paragraphs: gb2312Paragraphs, charset: "gb2312")),
            etag: "\"gb2312\(etagSuffix)\""))
        server.set(path: "/gbk.html", route: TestRoute(
            headers: ["Content-Type": "text/html; charset=GBK", "ETag": "\"gbk\""],
            body: LegacyEncoding.gbk(Fixtures.article(title: Fixtures.gbkTitle, site: "宁波市经信局", paragraphs: Fixtures.gbkParagraphs, charset: nil)),
            etag: "\"gbk\""))
    }

    static func threeSources(_ server: TestHTTPServer) -> String {
        pageSource("tw", server.url("/tw.html")) + pageSource("gb2312", server.url("/gb2312.html")) + pageSource("gbk", server.url("/gbk.html"))
    }

    @Test("three pages in three encodings: new, then 304, then a counter change and an added paragraph")
    func threePagesLifecycle() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let space = try Workspace()
        Self.serveThreePages(server)
        try space.writeConfig(sources: Self.threeSources(server))

        // First fetch: exactly three document.new events whose titles are the decoded headlines.
        let first = try await space.run(["fetch", "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let newEvents = try space.events()
        #expect(newEvents.map(\.type) == [.documentNew, .documentNew, .documentNew])
        #expect(Set(newEvents.compactMap(\.title)) == [Fixtures.traditionalTitle, Fixtures.gb2312Title, Fixtures.gbkTitle])

        // Second fetch: conditional requests answered 304, no event.
        server.resetRecords()
        let second = try await space.run(["fetch", "--json"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try Workspace.jsonLines(second.stdout).map { $0["outcome"] as? String } == ["not_modified", "not_modified", "not_modified"])
        #expect(server.requests.allSatisfy { $0.headers["if-none-match"] != nil })
        #expect(try space.events().count == 3)

        // Only the view counter changes on one page; a paragraph is added to another.
        let added = "新增：全省已有12个先进制造业集群实现满负荷生产。"
        Self.serveThreePages(server, gb2312Paragraphs: Fixtures.gb2312Paragraphs + [added], views: 40345, etagSuffix: "-2")
        let third = try await space.run(["fetch", "--json"])
        #expect(third.status == 0, "\(third.stderr)")
        let outcomes = Dictionary(uniqueKeysWithValues: try Workspace.jsonLines(third.stdout).map { ($0["source"] as? String ?? "", $0["outcome"] as? String ?? "") })
        #expect(outcomes == ["tw": "unchanged", "gb2312": "changed", "gbk": "not_modified"])
        let events = try space.events()
        #expect(events.count == 4)
        let changed = try #require(events.last)
        #expect(changed.type == .documentChanged && changed.source == "gb2312")
        #expect(events.map(\.seq) == events.map(\.seq).sorted() && Set(events.map(\.seq)).count == 4)
        let diff = try String(contentsOfFile: space.logDir + "/" + (changed.diff?.file ?? "missing"), encoding: .utf8)
        #expect(diff.contains("+" + added))

        // Search finds the Simplified pages; the log lists every attempt with its outcome.
        let query = try await space.run(["query", "复工复产", "--json"])
        #expect(query.status == 0, "\(query.stderr)")
        let found = Set(try Workspace.jsonLines(query.stdout).compactMap { $0["url"] as? String })
        #expect(found.isSuperset(of: [server.url("/gb2312.html"), server.url("/gbk.html")]))
        let log = try await space.run(["log", "--json"])
        let logOutcomes = try Workspace.jsonLines(log.stdout).compactMap { $0["outcome"] as? String }
        #expect(Set(logOutcomes) == ["new", "not_modified", "unchanged", "changed"])
        #expect(logOutcomes.count == 9)
    }

    @Test("show and changes print what was stored and written")
    func showAndChanges() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let space = try Workspace()
        Self.serveThreePages(server)
        try space.writeConfig(sources: pageSource("gbk", server.url("/gbk.html")))
        #expect(try await space.run(["fetch"]).status == 0)
        let show = try await space.run(["show", server.url("/gbk.html"), "--json"])
        #expect(show.status == 0, "\(show.stderr)")
        let document = try #require(try Workspace.jsonLines(show.stdout).first)
        #expect(document["title"] as? String == Fixtures.gbkTitle)
        #expect((document["versions"] as? [Any])?.count == 1)
        let changes = try await space.run(["changes", "--json"])
        #expect(try Workspace.jsonLines(changes.stdout).map { $0["type"] as? String } == ["document.new"])
        let missing = try await space.run(["show", "999"])
        #expect(missing.status == 66 && missing.stderr.contains("no stored document '999'"))
    }
}
