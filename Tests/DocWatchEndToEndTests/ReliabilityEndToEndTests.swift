import DocWatchCore
import DocWatchStore
import DocWatchTestSupport
import Foundation
import Glibc
import Testing

/// Unreadable notifications, missing and damaged state, bad `--limit`s and a permissive umask,
/// met through the real binary.
@Suite("End to end: reliability", .serialized)
struct ReliabilityEndToEndTests {
    /// A page source fetched once, so the log directory holds one event.
    static func fetchedWorkspace() async throws -> (Workspace, TestHTTPServer) {
        let server = try await TestHTTPServer.start()
        let space = try Workspace()
        server.page(path: "/a.html", body: Fixtures.article(title: "复工复产进展", site: "某网", paragraphs: ["正文第一段。"], charset: "utf-8"), etag: "\"a\"")
        try space.writeConfig(sources: pageSource("a", server.url("/a.html")))
        let fetched = try await space.run(["fetch"])
        #expect(fetched.status == 0, "\(fetched.stderr)")
        return (space, server)
    }

    static func changeFileNames(in logDir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: logDir)) ?? []).filter { $0.hasPrefix("changes-") }.sorted()
    }

    @Test("changes names an unreadable line by file and line, still prints the good events, and exits 65")
    func unreadableLine() async throws {
        let (space, server) = try await Self.fetchedWorkspace()
        defer { Task { await server.stop() } }
        let file = try #require(Self.changeFileNames(in: space.logDir).last)
        let handle = try #require(FileHandle(forWritingAtPath: space.logDir + "/" + file))
        try handle.seekToEnd()
        // What the disk-full bug left: a fragment with the whole line written after it.
        try handle.write(contentsOf: Data("{\"seq\":2,\"id\":\"ev{\"seq\":2}\n".utf8))
        try handle.close()

        let result = try await space.run(["changes", "--json"])
        #expect(result.status == 65)
        #expect(result.stderr == "docwatch: \(space.logDir)/\(file):2: unreadable line: not a change event\n")
        #expect(result.stdoutLines.count == 1)
    }

    @Test("changes exits 66 with one line naming a log directory that does not exist")
    func missingLogDirectory() async throws {
        let space = try Workspace()
        try space.writeConfig(sources: pageSource("a", "http://127.0.0.1:9/a.html"))
        let result = try await space.run(["changes"])
        #expect(result.status == 66)
        #expect(result.stderr.hasPrefix("docwatch: log directory \(space.logDir) does not exist"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test("--limit takes only a positive whole number, with exit 64", arguments: [
        (["log"], "-5"), (["log"], "0"), (["query", "江苏"], "-5"), (["query", "江苏"], "0"),
    ])
    func badLimit(command: [String], value: String) async throws {
        let space = try Workspace()
        try space.writeConfig(sources: pageSource("a", "http://127.0.0.1:9/a.html"))
        let result = try await space.run(command + ["--limit", value])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--limit must be a positive whole number"), "\(result.stderr)")
        #expect(!result.stderr.contains("Missing value"))
    }

    @Test("an 80,000-character <title> is extracted cut to 500 characters")
    func longTitleExtracted() async throws {
        let html = "<html><head><title>\(String(repeating: "很长的标题", count: 16_000))</title></head><body><p>正文。</p></body></html>"
        let result = try await DocWatchProcess.run(["extract", "--json", "-"], stdin: Data(html.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let fields = try #require(try Workspace.jsonLines(result.stdout).first)
        let title = try #require(fields["title"] as? String)
        #expect(title.unicodeScalars.count == 500)
        #expect(title.hasSuffix("…"))
    }

    @Test("under umask 000 the database, its directory, the log directory, change and diff files get 0750/0640")
    func modesUnderPermissiveUmask() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let space = try Workspace()
        server.set(path: "/a.html", body: Fixtures.article(title: "复工复产进展", site: "某网", paragraphs: ["正文第一段。"], charset: "utf-8"))
        try space.writeConfig(sources: pageSource("a", server.url("/a.html")))
        #expect(try await UmaskProcess.run(umask: "000", ["fetch", "--config", space.configPath]) == 0)
        server.set(path: "/a.html", body: Fixtures.article(title: "复工复产进展", site: "某网", paragraphs: ["正文第一段。", "新增一段。"], charset: "utf-8"))
        #expect(try await UmaskProcess.run(umask: "000", ["fetch", "--config", space.configPath]) == 0)

        let state = (space.databasePath as NSString).deletingLastPathComponent
        let change = try #require(Self.changeFileNames(in: space.logDir).last)
        let expected: [(String, mode_t)] = [
            (state, 0o750), (space.databasePath, 0o640), (space.logDir, 0o750), (space.logDir + "/diffs", 0o750),
            (space.logDir + "/" + change, 0o640), (space.logDir + "/diffs/\(change.dropFirst(8).prefix(10))", 0o750),
            (space.logDir + "/diffs/\(change.dropFirst(8).prefix(10))/2.diff", 0o640),
        ]
        for (path, mode) in expected {
            var status = stat()
            #expect(lstat(path, &status) == 0, "\(path) exists")
            #expect(status.st_mode & 0o7777 == mode, "\(path): \(String(status.st_mode & 0o7777, radix: 8))")
        }
    }

    /// Writes a database of a hundred documents at `path` and overwrites pages from `from` to
    /// `to` (fractions of the file) with garbage.
    static func damagedDatabase(at path: String, from: Double, to: Double) throws {
        do {
            let database = try DocWatchDatabase.open(path: path)
            try database.syncSources([Source(id: "a", url: "http://127.0.0.1:9/a.html")])
            for index in 0..<100 {
                let text = (0..<20).map { "第\(index)篇第\($0)段：江苏推进复工复产，新建5G基站\(index * 7 + $0)座。" }.joined(separator: "\n")
                _ = try database.store(IngestedPage(
                    source: "a", url: "https://gov.example/\(index).html", fetchedAt: Date(), body: Array(text.utf8),
                    document: ExtractedDocument(title: "文章\(index)", script: "zh-Hans", text: text)))
            }
        }
        let size = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        defer { try? handle.close() }
        let pages = size / 4096
        for page in max(1, Int(Double(pages) * from))..<Int(Double(pages) * to) {
            try handle.seek(toOffset: UInt64(page * 4096))
            try handle.write(contentsOf: Data((0..<4096).map { _ in UInt8.random(in: 0...255) }))
        }
    }

    @Test("docwatch run refuses a database with garbage in its middle pages: exit 74 and one line")
    func runChecksDatabase() async throws {
        let space = try Workspace()
        try space.writeConfig(sources: pageSource("a", "http://127.0.0.1:9/a.html"))
        try Self.damagedDatabase(at: space.databasePath, from: 0.25, to: 0.75)
        let result = try await space.run(["run"])
        #expect(result.status == 74)
        let lines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("docwatch: ") }
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(lines.first?.hasPrefix("docwatch: database \(space.databasePath) is corrupt: ") == true, "\(result.stderr)")
        #expect(lines.first?.hasSuffix(", restore from a backup") == true, "\(result.stderr)")
    }

    @Test("every command that reads a damaged database says so in the one corruption line, exit 74", arguments: [
        ["query", "江苏"], ["log"], ["sources"], ["show", "1"], ["fetch"],
    ])
    func commandsNameCorruption(command: [String]) async throws {
        let space = try Workspace()
        try space.writeConfig(sources: pageSource("a", "http://127.0.0.1:9/a.html"))
        try Self.damagedDatabase(at: space.databasePath, from: 0, to: 1)
        let result = try await space.run(command)
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("docwatch: database \(space.databasePath) is corrupt: "), "\(result.stderr)")
        #expect(result.stderr.hasSuffix(", restore from a backup\n"), "\(result.stderr)")
    }
}

/// Runs the built binary through `/bin/sh` with a given umask.
enum UmaskProcess {
    /// `umask MASK; exec docwatch ARGUMENTS…`; returns the exit status.
    static func run(umask mask: String, _ arguments: [String]) async throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "umask \(mask); exec \"$0\" \"$@\"", DocWatchProcess.binary.path] + arguments
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let exited = AsyncStream<Void> { continuation in
            process.terminationHandler = { _ in continuation.yield(); continuation.finish() }
        }
        try process.run()
        for await _ in exited { break }
        return process.terminationStatus
    }
}
