import DocWatchTestSupport
import Foundation
import Testing

/// `docwatch fetch` queues its 304s and commits them together: none may be missing once it has exited.
@Suite("End to end: fetch's queued 304s", .serialized)
struct QueuedPollsEndToEndTests {
    static let pages = 30

    @Test("every 304 of a fetch of unchanged pages is in the fetch log after fetch exits, with the source health")
    func allNotModifiedRowsWritten() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let space = try Workspace()
        var sources = ""
        for n in 0..<Self.pages {
            server.page(path: "/p\(n).html", body: Fixtures.article(title: "通知第\(n)号", site: "某网", paragraphs: ["正文第\(n)段。"],
                                                                 charset: "utf-8"), etag: "\"p\(n)\"")
            sources += pageSource("p\(n)", server.url("/p\(n).html"))
        }
        try space.writeConfig(sources: sources)
        #expect(try await space.run(["fetch"]).status == 0)

        let second = try Workspace.jsonLines(try await space.run(["fetch", "--json"]).stdout)
        #expect(second.count == Self.pages && second.allSatisfy { $0["outcome"] as? String == "not_modified" })

        let logged = try Workspace.jsonLines(
            try await space.run(["log", "--json", "--outcome", "not_modified", "--limit", "1000"]).stdout)
        #expect(logged.count == Self.pages)
        let health = try await space.run(["sources", "--json"])
        #expect(health.status == 0)
        #expect(try Workspace.jsonLines(health.stdout).filter { $0["outcome"] as? String == "not_modified" }.count == Self.pages,
                "\(health.stdout)")
    }

    @Test("a 304 of fetch --url, which records no source health, is in the fetch log after fetch exits")
    func singleURLWritten() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let space = try Workspace()
        server.page(path: "/about.html", body: Fixtures.article(title: "关于本站", site: "某网", paragraphs: ["正文。"], charset: "utf-8"),
                    etag: "\"about\"")
        try space.writeConfig(sources: pageSource("site", server.url("/index.html")))
        let url = server.url("/about.html")
        #expect(try await space.run(["fetch", "--url", url]).status == 0)
        let second = try Workspace.jsonLines(try await space.run(["fetch", "--json", "--url", url]).stdout)
        #expect(second.first?["outcome"] as? String == "not_modified")

        let logged = try Workspace.jsonLines(try await space.run(["log", "--json", "--outcome", "not_modified"]).stdout)
        #expect(logged.count == 1)
    }
}
