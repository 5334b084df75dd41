#if canImport(Glibc)
import Glibc
#endif
import DocWatchCore
import DocWatchTestSupport
import Foundation
import Testing

/// The reading commands as a member of the docwatch group would run them: as another user who may
/// only read the database, its directory and the log directory.
@Suite("readers only read (process, as nobody)", .serialized)
struct ReadOnlyReaderTests {
    @Test("query, show, log, sources and changes work as a read-only user and change no file, while the daemon runs and after it stopped")
    func readersChangeNothing() async throws {
        let running = try await ArticleDaemon.start(interval: "1h")
        let (server, workspace, daemon) = (running.server, running.workspace, running.daemon)
        let stateDir = (workspace.databasePath as NSString).deletingLastPathComponent

        try await ServiceConfig.settle(workspace.directory.path)
        try UnprivilegedRun.groupReadable(stateDir)
        try UnprivilegedRun.groupReadable(workspace.logDir)
        try await readAsNobody(workspace, stateDir: stateDir, phase: "daemon running")
        #expect(daemon.isRunning)

        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: .seconds(30)) == 0, "stderr: \(daemon.stderr)")
        try UnprivilegedRun.groupReadable(stateDir)
        try await readAsNobody(workspace, stateDir: stateDir, phase: "daemon stopped")
        await server.stop()
    }

    private func readAsNobody(_ workspace: DaemonWorkspace, stateDir: String, phase: Comment) async throws {
        let before = (DirectorySnapshot(stateDir), DirectorySnapshot(workspace.logDir))
        let commands: [[String]] = [["query", "工信"], ["show", "1"], ["log"], ["sources"], ["changes"], ["query", "--json", "增加值"]]
        for command in commands {
            let result = try await UnprivilegedRun.run(command + ["--config", workspace.configPath])
            #expect(result.status == 0, "\(phase): \(command) exited \(result.status): \(result.stderr)")
        }
        let shown = try await UnprivilegedRun.run(["show", "1", "--config", workspace.configPath])
        #expect(shown.stdout.contains("工信动态"), "\(phase)")
        let sources = try await UnprivilegedRun.run(["sources", "--config", workspace.configPath])
        #expect(sources.stdout.contains("new") || sources.stdout.contains("unchanged"), "\(phase): \(sources.stdout)")
        let after = (DirectorySnapshot(stateDir), DirectorySnapshot(workspace.logDir))
        #expect(after.0 == before.0, "\(phase): state changed: \(before.0) → \(after.0)")
        #expect(after.1 == before.1, "\(phase): log changed: \(before.1) → \(after.1)")
    }

    @Test("a database this user may not read is exit 66 saying so and naming the docwatch group, not 'no database'")
    func unreadableDatabase() async throws {
        let workspace = try DaemonWorkspace()
        try workspace.write(ServiceConfig.text(workspace, sources: [("a", "http://127.0.0.1:9/")], interval: "1h"))
        _ = try await DocWatchProcess.run(["fetch", "--config", workspace.configPath])
        #expect(FileManager.default.fileExists(atPath: workspace.databasePath))
        #expect(chmod((workspace.databasePath as NSString).deletingLastPathComponent, 0o700) == 0)
        let result = try await UnprivilegedRun.run(["query", "江苏", "--config", workspace.configPath])
        #expect(result.status == 66)
        #expect(result.stderr.contains("cannot read the database \(workspace.databasePath): Permission denied")
            && result.stderr.contains("docwatch group"), "\(result.stderr)")
    }

    @Test("sources reads a 0444 copy of the database (with its WAL files) in a 0555 directory as nobody, and changes no file")
    func sourcesOnReadOnlyCopy() async throws {
        let server = try await TestHTTPServer.start()
        server.page(path: "/a.html", body: DaemonWorkspace.article("工信动态", ["第一季度工业增加值增长6.1%。"]), etag: "\"a1\"")
        let workspace = try DaemonWorkspace()
        try workspace.write(ServiceConfig.text(workspace, sources: [("a", server.url("/a.html"))], interval: "1h"))
        #expect(try await DocWatchProcess.run(["fetch", "--config", workspace.configPath]).status == 0)
        await server.stop()
        let copy = workspace.directory.appendingPathComponent("copy").path
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        let stateDir = (workspace.databasePath as NSString).deletingLastPathComponent
        for name in try FileManager.default.contentsOfDirectory(atPath: stateDir) where name.hasPrefix("docwatch.sqlite") {
            try FileManager.default.copyItem(atPath: "\(stateDir)/\(name)", toPath: "\(copy)/\(name)")
            #expect(chmod("\(copy)/\(name)", 0o444) == 0)
        }
        #expect(chmod(copy, 0o555) == 0)
        defer { _ = chmod(copy, 0o755) }
        let config = workspace.directory.appendingPathComponent("copy.toml").path
        try "database = \"\(copy)/docwatch.sqlite\"\nlog_dir = \"\(workspace.logDir)\"\n[[source]]\nid = \"a\"\nurl = \"\(server.url("/a.html"))\"\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        let before = DirectorySnapshot(copy)
        #expect(before.files.keys.contains("docwatch.sqlite-wal"), "the copy has the WAL files a running daemon keeps")
        let result = try await UnprivilegedRun.run(["sources", "--config", config])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("new"), "\(result.stdout)")
        #expect(DirectorySnapshot(copy) == before)
    }

    struct MissingCase: Sendable, CustomTestStringConvertible {
        var command: [String]
        var testDescription: String { command.joined(separator: " ") }
    }

    @Test("a missing database is exit 66 naming the path, and nothing is created", arguments: [
        MissingCase(command: ["query", "江苏"]), MissingCase(command: ["show", "1"]), MissingCase(command: ["diff", "1"]),
        MissingCase(command: ["log"]), MissingCase(command: ["sources"]), MissingCase(command: ["backup", "/nonexistent/x"]),
    ])
    func missingDatabase(_ missing: MissingCase) async throws {
        let workspace = try DaemonWorkspace()
        let typo = workspace.directory.appendingPathComponent("stat/docwatch.sqlite").path
        try workspace.write("database = \"\(typo)\"\nlog_dir = \"\(workspace.logDir)\"\n[[source]]\nid = \"a\"\nurl = \"http://127.0.0.1:9/\"\n")
        let before = DirectorySnapshot(workspace.directory.path)
        let result = try await DocWatchProcess.run(missing.command + ["--config", workspace.configPath])
        #expect(result.status == 66)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("no database at \(typo)") && result.stderr.contains("--config"), "\(result.stderr)")
        #expect(DirectorySnapshot(workspace.directory.path) == before)
    }
}

/// Configs and waits shared by the service tests.
enum ServiceConfig {
    /// A config polling `sources` on `interval`, database and log directory in the workspace.
    static func text(_ workspace: DaemonWorkspace, sources: [(id: String, url: String)], interval: String) -> String {
        let tables = sources.map { "[[source]]\nid = \"\($0.id)\"\nurl = \"\($0.url)\"\n" }.joined(separator: "\n")
        return """
            database = "\(workspace.databasePath)"
            log_dir = "\(workspace.logDir)"

            [http]
            host_delay = "0s"
            timeout = "30s"
            connect_timeout = "10s"

            [schedule]
            interval = "\(interval)"
            jitter = 0

            \(tables)
            """
    }

    /// Waits until no file under `directory` has changed for half a second (the daemon gone idle).
    static func settle(_ directory: String) async throws {
        var previous = DirectorySnapshot(directory)
        for _ in 0..<40 {
            try await Task.sleep(for: .milliseconds(500))
            let current = DirectorySnapshot(directory)
            if current == previous { return }
            previous = current
        }
    }
}
