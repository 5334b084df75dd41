#if canImport(Glibc)
import Glibc
#endif
import DocWatchTestSupport
import Foundation
import Testing

/// The daemon's retention service: it prunes at start (then daily) with `[retention]` in force.
@Suite("docwatch run: retention")
struct RetentionProcessTests {
    @Test("docwatch run deletes an old day's change file and diff folder at start and keeps the newest file")
    func prunesAtStart() async throws {
        let server = try await TestHTTPServer.start()
        let workspace = try DaemonWorkspace()
        server.page(path: "/a.html", body: DaemonWorkspace.article("工信动态", ["第一季度工业增加值增长6.1%。"]), etag: "\"a1\"")
        try FileManager.default.createDirectory(atPath: workspace.logDir + "/diffs/2020-01-01", withIntermediateDirectories: true)
        let old = workspace.logDir + "/changes-2020-01-01.jsonl"
        let newest = workspace.logDir + "/changes-2020-01-02.jsonl"
        // seq 0: below every real event, so the notifier's "already written" mark skips none of them.
        for (path, day) in [(old, 1), (newest, 2)] {
            try #"{"seq":0,"id":"evt-000000","time":"2020-01-0\#(day)T00:00:00Z","type":"source.failing","source":"a"}"#
                .appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        try "old\n".write(toFile: workspace.logDir + "/diffs/2020-01-01/1.diff", atomically: true, encoding: .utf8)
        try workspace.writeConfig(sources: [("a", server.url("/a.html"))], extra: "[retention]\nkeep_changes = \"7d\"\n")
        let daemon = try DaemonProcess(config: workspace.configPath, environment: [:], scratch: workspace.directory)

        #expect(await eventually { workspace.hasEvent(.documentNew, urlSuffix: "/a.html") }, "\(daemon.stderr)")
        #expect(await eventually { !FileManager.default.fileExists(atPath: old) }, "\(daemon.stderr)")
        #expect(!FileManager.default.fileExists(atPath: workspace.logDir + "/diffs/2020-01-01"))
        #expect(FileManager.default.fileExists(atPath: newest), "the newest change file always stays")
        #expect(daemon.stderr.contains("pruned"))

        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: .seconds(30)) == 0, "stderr: \(daemon.stderr)")
        #expect(try ChangeLogFiles.events(in: workspace.logDir).contains { $0.type == .documentNew })
        await server.stop()
    }
}
