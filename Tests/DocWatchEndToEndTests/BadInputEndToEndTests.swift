import DocWatchCore
import DocWatchTestSupport
import Foundation
import Testing

/// Every bad input gets one clear line and loses nothing already stored.
@Suite("End to end: bad input", .serialized)
struct BadInputEndToEndTests {
    /// A port on loopback with nothing listening.
    static func closedPortURL() -> String { "http://127.0.0.1:9/nothing.html" }

    @Test("a refused connection, a 500 and an oversized body each fail their source by name; stored pages stay")
    func failingSources() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let space = try Workspace()
        server.page(path: "/ok.html", body: Fixtures.article(title: "复工复产进展", site: "某网", paragraphs: ["正文第一段。"], charset: "utf-8"), etag: "\"ok\"")
        server.set(path: "/big.html", body: String(repeating: "<p>很长的正文。</p>", count: 20_000))
        server.set(path: "/500.html", status: 500, body: "oops")
        try space.writeConfig(
            sources: pageSource("ok", server.url("/ok.html")) + pageSource("refused", Self.closedPortURL())
                + pageSource("broken", server.url("/500.html")) + pageSource("huge", server.url("/big.html")),
            http: "max_body = \"64KiB\"")
        let result = try await space.run(["fetch"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("docwatch: source refused: connection failed") })
        #expect(lines.contains { $0.hasPrefix("docwatch: source broken: HTTP 500") })
        #expect(lines.contains { $0.hasPrefix("docwatch: source huge: body larger than max_body (64KiB)") })
        #expect(!lines.contains { $0.contains("source ok") })
        #expect(try space.events().filter { $0.type == .documentNew }.count == 1)

        // The good page breaks later: the stored version stays, the failure is logged.
        server.set(path: "/ok.html", status: 500, body: "down")
        #expect(try await space.run(["fetch", "ok"]).status == 1)
        let show = try await space.run(["show", server.url("/ok.html"), "--json"])
        #expect(try Workspace.jsonLines(show.stdout).first?["title"] as? String == "复工复产进展")
        let errorLog = try await space.run(["log", "--outcome", "error", "--json"])
        let errors = try Workspace.jsonLines(errorLog.stdout)
        #expect(errors.count == 4)
        #expect(errors.allSatisfy { ($0["error"] as? String)?.isEmpty == false })
    }

    @Test("invalid bytes in a page become U+FFFD; the page is stored, not dropped")
    func invalidBytes() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let space = try Workspace()
        var body = Array(Fixtures.article(title: "坏字节也要入库", site: "某网", paragraphs: ["前文。"], charset: "utf-8").utf8)
        body.insert(contentsOf: [0xff, 0xfe, 0xc3], at: body.count - 30)
        server.set(path: "/bad.html", headers: ["Content-Type": "text/html; charset=utf-8"], body: body)
        try space.writeConfig(sources: pageSource("bad", server.url("/bad.html")))
        let result = try await space.run(["fetch"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try space.events().first?.title == "坏字节也要入库")
    }

    @Test("a config with an unknown key is refused with file, line and key, and nothing runs")
    func unknownConfigKey() async throws {
        let space = try Workspace()
        try space.writeConfig(sources: "[[source]]\nid = \"a\"\nurl = \"http://127.0.0.1:9/\"\nintervall = \"5m\"\n")
        let result = try await space.run(["fetch"])
        #expect(result.status == 78)
        #expect(result.stderr.hasPrefix("docwatch: \(space.configPath):"))
        #expect(result.stderr.contains("unknown key 'source[1].intervall'"))
        #expect(!FileManager.default.fileExists(atPath: space.databasePath))
    }

    @Test("check-config prints the resolved config, defaults included")
    func checkConfig() async throws {
        let space = try Workspace()
        try space.writeConfig(sources: pageSource("a", "https://www.miit.gov.cn/"))
        let result = try await space.run(["check-config"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("concurrency = 16"))
        #expect(result.stdout.contains("interval = \"30m\""))
        #expect(result.stdout.contains("url = \"https://www.miit.gov.cn/\""))
    }

    @Test("check-config prints [retention] and [metrics], and what it prints loads again as the same config")
    func checkConfigOperations() async throws {
        let space = try Workspace()
        try space.writeConfig(sources: "[retention]\nkeep_versions = 3\nkeep_changes = \"90d\"\n[metrics]\nlisten = \"127.0.0.1:9464\"\n"
                              + pageSource("a", "https://www.miit.gov.cn/"))
        let first = try await space.run(["check-config"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("keep_versions = 3"))
        #expect(first.stdout.contains("keep_changes = \"90d\""))
        #expect(first.stdout.contains("# keep_raw: every raw body"))
        #expect(first.stdout.contains("[metrics]\nlisten = \"127.0.0.1:9464\""))
        let resolved = space.directory.appendingPathComponent("resolved.toml").path
        try first.stdout.write(toFile: resolved, atomically: true, encoding: .utf8)
        let second = try await DocWatchProcess.run(["check-config", "--config", resolved])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.split(separator: "\n").dropFirst() == first.stdout.split(separator: "\n").dropFirst())
    }
}
