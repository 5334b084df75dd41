#if canImport(Glibc)
import Glibc
#endif
import DocWatchTestSupport
import Foundation
import Testing

/// `systemctl reload` with a one-character typo in the config must not kill the daemon.
@Suite("docwatch run: reload with a config typo (process)")
struct ConfigTypoReloadTests {
    @Test("a config replaced by '[' and SIGHUP: one error line, the old config keeps polling, SIGTERM exits 0")
    func typoOnReload() async throws {
        let server = try await TestHTTPServer.start()
        let workspace = try DaemonWorkspace()
        server.page(path: "/a.html", body: DaemonWorkspace.article("工信动态", ["第一季度工业增加值增长6.1%。"]), etag: "\"a1\"")
        try workspace.writeConfig(sources: [("a", server.url("/a.html"))])
        let daemon = try DaemonProcess(config: workspace.configPath, environment: [:], scratch: workspace.directory)
        #expect(await eventually { server.requests(to: "/a.html").count >= 1 }, "no first poll: \(daemon.stderr)")

        try workspace.write("[\n")
        daemon.signal(SIGHUP)
        #expect(await eventually { daemon.stderr.contains("reload failed") }, "stderr: \(daemon.stderr)")
        let polled = server.requests(to: "/a.html").count
        #expect(await eventually { server.requests(to: "/a.html").count >= polled + 2 }, "no polls after the bad reload")
        #expect(daemon.isRunning)

        let failures = daemon.stderr.split(separator: "\n").filter { $0.contains("reload failed") }
        #expect(failures.count == 1)
        #expect(failures.first?.contains("\(workspace.configPath):1:2: TOML syntax error") == true, "\(failures)")

        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: .seconds(30)) == 0, "stderr: \(daemon.stderr)")
        await server.stop()
    }
}
