#if canImport(Glibc)
import Glibc
#endif
import DocWatchCore
import DocWatchTestSupport
import Foundation
import Testing

/// `docwatch backup PATH` while the daemon writes.
@Suite("backup (process)", .serialized)
struct BackupTests {
    @Test("a backup taken while the daemon runs passes integrity_check, serves query, and is never written over")
    func backupWhileDaemonRuns() async throws {
        let running = try await ArticleDaemon.start(interval: "1s")
        let (server, workspace, daemon) = (running.server, running.workspace, running.daemon)

        let copy = workspace.directory.appendingPathComponent("backup/copy.sqlite").path
        try FileManager.default.createDirectory(atPath: (copy as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let backup = try await DocWatchProcess.run(["backup", copy, "--config", workspace.configPath])
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(backup.stdoutLines.count == 1 && backup.stdout.contains("bytes"), "\(backup.stdout)")
        #expect(daemon.isRunning)
        #expect(try await sqlite(copy, "PRAGMA integrity_check") == "ok")

        let copyConfig = workspace.directory.appendingPathComponent("copy.toml").path
        try "database = \"\(copy)\"\nlog_dir = \"\(workspace.logDir)\"\n[[source]]\nid = \"a\"\nurl = \"\(server.url("/a.html"))\"\n"
            .write(toFile: copyConfig, atomically: true, encoding: .utf8)
        let query = try await DocWatchProcess.run(["query", "增加值", "--config", copyConfig])
        #expect(query.status == 0 && query.stdout.contains("工信动态"), "\(query.stdout) \(query.stderr)")

        let size = try FileManager.default.attributesOfItem(atPath: copy)[.size] as? NSNumber
        let again = try await DocWatchProcess.run(["backup", copy, "--config", workspace.configPath])
        #expect(again.status == 73, "\(again.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: copy)[.size] as? NSNumber == size)

        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: .seconds(30)) == 0)
        await server.stop()
    }

    /// Runs one statement with the sqlite3 shell; its output, trimmed.
    private func sqlite(_ database: String, _ sql: String) async throws -> String {
        let result = try await ChildProcess.run(URL(fileURLWithPath: "/usr/bin/sqlite3"), ["-readonly", database, sql],
                                                environment: ["PATH": "/usr/bin:/bin"])
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
