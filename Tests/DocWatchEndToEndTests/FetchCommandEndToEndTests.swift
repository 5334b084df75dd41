import DocWatchCore
import DocWatchTestSupport
import Foundation
import Testing

/// `docwatch fetch` at the edges a user meets: what stderr says, and where `--url` files a page.
@Suite("End to end: fetch output and --url", .serialized)
struct FetchCommandEndToEndTests {
    static let refusedURL = "http://127.0.0.1:9/nothing.html"

    func failingWorkspace(_ server: TestHTTPServer) throws -> Workspace {
        let space = try Workspace()
        server.page(path: "/ok.html", body: Fixtures.article(title: "复工复产进展", site: "某网", paragraphs: ["正文第一段。"], charset: "utf-8"), etag: "\"ok\"")
        server.set(path: "/500.html", status: 500, body: "oops")
        try space.writeConfig(sources: pageSource("ok", server.url("/ok.html")) + pageSource("refused", Self.refusedURL)
            + pageSource("broken", server.url("/500.html")))
        return space
    }

    @Test("off a terminal, a refused connection and a 500 give exactly one stderr line each, naming source, error and URL; no progress")
    func oneLinePerFailure() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let space = try failingWorkspace(server)
        let result = try await space.run(["fetch"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(result.stderr)")
        #expect(lines.contains { $0.hasPrefix("docwatch: source refused: connection failed") && $0.hasSuffix("(\(Self.refusedURL))") })
        #expect(lines.contains { $0 == "docwatch: source broken: HTTP 500 (\(server.url("/500.html")))" })
        // The table on stdout still lists every poll, the failures included.
        #expect(result.stdoutLines.filter { $0.contains(" error ") }.count == 2)
    }

    @Test("at a terminal, one progress line per source, a failed source's line being its only failure line")
    func progressAtTerminal() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let space = try failingWorkspace(server)
        let output = try await Self.runInTerminal(["fetch", "--config", space.configPath])
        let lines = output.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        let progress = lines.filter { $0.hasPrefix("[") }
        #expect(progress.count == 3, "\(output)")
        #expect(progress.contains { $0.hasPrefix("[") && $0.hasSuffix("] ok new 200") })
        #expect(progress.contains { $0.contains("] source refused: connection failed") })
        #expect(progress.contains { $0.contains("] source broken: HTTP 500") })
        #expect(lines.filter { $0.contains("source refused:") }.count == 1)
        #expect(lines.contains { $0.hasPrefix("[3/3] ") })
    }

    static let listSources = """
        [[source]]
        id = "news"
        url = "URL"
        kind = "list"
        follow = 'art_\\d+\\.html$'

        """

    @Test("--url of a configured source's URL polls that source as configured; an article URL its follow takes is filed under it; others under cli")
    func urlFiledUnderItsSource() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let space = try Workspace()
        server.set(path: "/news/index.html", body: ListingEndToEndTests.listPage(articles: 2, offsite: "http://other.example/"))
        ListingEndToEndTests.serveArticles(server, count: 3)
        server.page(path: "/about.html", body: ListingEndToEndTests.article("关于本站"), etag: "\"about\"")
        try space.writeConfig(sources: Self.listSources.replacingOccurrences(of: "URL", with: server.url("/news/index.html")))

        // The list's own URL, written differently (a fragment): polled as the list, its articles followed.
        let list = try Workspace.jsonLines(try await space.run(["fetch", "--json", "--url", server.url("/news/index.html") + "#top"]).stdout)
        #expect(list.first?["source"] as? String == "news")
        #expect(list.first?["outcome"] as? String == "listed")
        #expect(list.filter { $0["outcome"] as? String == "new" }.count == 2)

        // An article not (yet) on the list page, matching its follow.
        let article = try Workspace.jsonLines(try await space.run(["fetch", "--json", "--url", server.url("/news/art_3.html")]).stdout)
        #expect(article.map { $0["source"] as? String } == ["news"])
        #expect(article.first?["outcome"] as? String == "new")

        // Same host, but not the list's follow: no configured source owns it.
        let other = try Workspace.jsonLines(try await space.run(["fetch", "--json", "--url", server.url("/about.html")]).stdout)
        #expect(other.map { $0["source"] as? String } == ["cli"])
        #expect(try space.events().filter { $0.type == .documentNew }.map(\.source).sorted() == ["cli", "news", "news", "news"])
    }

    /// Runs `docwatch ARGS` under a pseudo-terminal (util-linux `script`), returning what the terminal showed.
    static func runInTerminal(_ arguments: [String]) async throws -> String {
        let command = ([DocWatchProcess.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path, "TERM": "dumb"]
        let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("docwatch-pty-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outURL) }
        let out = try FileHandle(forWritingTo: outURL)
        process.standardOutput = out
        process.standardError = out
        process.standardInput = FileHandle.nullDevice
        let exited = AsyncStream<Void> { continuation in
            process.terminationHandler = { _ in continuation.yield(); continuation.finish() }
        }
        try process.run()
        for await _ in exited { break }
        try out.close()
        return String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
    }
}
