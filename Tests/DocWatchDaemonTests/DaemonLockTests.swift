#if canImport(Glibc)
import Glibc
#endif
import DocWatchCore
import DocWatchTestSupport
import Foundation
import Testing

/// One daemon per database; a `fetch` beside it writes each event once.
@Suite("one daemon per database (process)", .serialized)
struct DaemonLockTests {
    @Test("a second run on the same database exits 75 at once, naming the first one's pid")
    func secondRunRefused() async throws {
        let running = try await ArticleDaemon.start(interval: "1h")
        let (server, workspace, first) = (running.server, running.workspace, running.daemon)

        let started = ContinuousClock.now
        let second = try await DocWatchProcess.run(["run", "--config", workspace.configPath])
        #expect(second.status == 75, "stderr: \(second.stderr)")
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(second.stderr.contains("pid \(first.pid)"), "\(second.stderr)")
        #expect(second.stderr.split(separator: "\n").count == 1, "\(second.stderr)")
        #expect(server.requests(to: "/a.html").count == 1, "the second daemon polled")
        #expect(first.isRunning)

        first.signal(SIGTERM)
        #expect(await first.waitForExit(timeout: .seconds(30)) == 0)
        await server.stop()
    }

    @Test("fetches running beside the daemon while pages change: every event is in the change files exactly once, in seq order")
    func fetchBesideDaemon() async throws {
        let server = try await TestHTTPServer.start()
        let workspace = try DaemonWorkspace()
        let ids = ["a", "b", "c", "d"]
        func publish(_ round: Int) {
            for id in ids {
                server.page(path: "/\(id).html", body: DaemonWorkspace.article("通知\(id)", ["第\(round)版：工业增加值增长\(round)%。"]),
                            etag: "\"\(id)\(round)\"")
            }
        }
        publish(0)
        try workspace.write(ServiceConfig.text(workspace, sources: ids.map { ($0, server.url("/\($0).html")) }, interval: "1s"))
        let daemon = try DaemonProcess(config: workspace.configPath, environment: [:], scratch: workspace.directory)
        #expect(await eventually { workspace.hasEvent(.documentNew, urlSuffix: "/d.html") }, "stderr: \(daemon.stderr)")

        let config = workspace.configPath
        for round in 1...4 {
            publish(round)
            async let one = DocWatchProcess.run(["fetch", "--config", config])
            async let two = DocWatchProcess.run(["fetch", "--config", config])
            let results = try await [one, two]
            for result in results { #expect(result.status == 0, "fetch: \(result.stderr)") }
        }
        try await ServiceConfig.settle(workspace.logDir)
        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: .seconds(30)) == 0, "stderr: \(daemon.stderr)")

        let seqs = try ChangeLogFiles.events(in: workspace.logDir).map(\.seq)
        #expect(seqs.count >= 8)
        #expect(seqs == Array(1...Int64(seqs.count)), "seqs: \(seqs)")
        await server.stop()
    }
}
