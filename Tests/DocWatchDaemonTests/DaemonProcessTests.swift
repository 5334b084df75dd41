#if canImport(Glibc)
import Glibc
#endif
import DocWatchCore
import DocWatchTestSupport
import Foundation
import Testing

/// `docwatch run` as systemd runs it: a real process, a notify socket, sources on loopback polled every second.
@Suite("docwatch run (process)")
struct DaemonProcessTests {
    @Test("starts, ingests, notices a change, reloads (good and bad config) and stops with exit 0")
    func lifecycle() async throws {
        let server = try await TestHTTPServer.start()
        let workspace = try DaemonWorkspace()
        server.page(path: "/a.html", body: DaemonWorkspace.article("工信动态", ["第一季度工业增加值增长6.1%。"]), etag: "\"a1\"")
        server.page(path: "/b.html", body: DaemonWorkspace.article("江苏省通知", ["关于开展先进制造业集群培育的通知。"]), etag: "\"b1\"")
        try workspace.writeConfig(sources: [("a", server.url("/a.html"))])
        let listener = try NotifyListener(path: workspace.notifySocketPath)
        let daemon = try DaemonProcess(config: workspace.configPath, environment: [
            "NOTIFY_SOCKET": listener.path, "WATCHDOG_USEC": "1000000",
        ], scratch: workspace.directory)

        #expect(await listener.waitFor { $0.hasPrefix("READY=1") } != nil, "no READY=1; stderr: \(daemon.stderr)")
        #expect(await listener.waitFor { $0.hasPrefix("WATCHDOG=1") } != nil)
        #expect(await eventually { workspace.hasEvent(.documentNew, urlSuffix: "/a.html") }, "a not ingested: \(daemon.stderr)")

        server.page(path: "/a.html", body: DaemonWorkspace.article("工信动态", ["第一季度工业增加值增长6.1%。", "新建5G基站5.2万座。"]),
                    etag: "\"a2\"")
        #expect(await eventually(timeout: .seconds(30)) { workspace.hasEvent(.documentChanged, urlSuffix: "/a.html") })

        try workspace.writeConfig(sources: [("a", server.url("/a.html")), ("b", server.url("/b.html"))])
        daemon.signal(SIGHUP)
        #expect(await listener.waitFor { $0.hasPrefix("RELOADING=1") } != nil)
        #expect(await eventually { workspace.hasEvent(.documentNew, urlSuffix: "/b.html") }, "b not ingested: \(daemon.stderr)")

        try workspace.write("database = [[[ this is not TOML\n")
        daemon.signal(SIGHUP)
        #expect(await eventually { daemon.stderr.contains("reload failed, keeping the running config") })
        let polled = server.requests(to: "/b.html").count
        #expect(await eventually { server.requests(to: "/b.html").count >= polled + 2 }, "no polls after a bad reload")
        #expect(daemon.isRunning)

        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: .seconds(30)) == 0, "stderr: \(daemon.stderr)")
        #expect(listener.messages.contains { $0.hasPrefix("STOPPING=1") })
        await server.stop()
    }

    @Test("SIGTERM stops the daemon with exit 0 while nobody reads the notify socket")
    func unreadNotifySocket() async throws {
        let server = try await TestHTTPServer.start()
        let workspace = try DaemonWorkspace()
        server.page(path: "/a.html", body: DaemonWorkspace.article("工信动态", ["第一季度工业增加值增长6.1%。"]), etag: "\"a1\"")
        try workspace.writeConfig(sources: [("a", server.url("/a.html"))])
        // A systemd that has fallen behind: the queue (10 datagrams) is full after half a second of
        // WATCHDOG=1 every 50 ms, and every send after that would wait for a reader that never comes.
        let listener = try NotifyListener(path: workspace.notifySocketPath, reading: false)
        let daemon = try DaemonProcess(config: workspace.configPath, environment: [
            "NOTIFY_SOCKET": listener.path, "WATCHDOG_USEC": "100000",
        ], scratch: workspace.directory)
        #expect(await eventually { workspace.hasEvent(.documentNew, urlSuffix: "/a.html") }, "a not ingested: \(daemon.stderr)")
        let polled = server.requests(to: "/a.html").count
        #expect(await eventually { server.requests(to: "/a.html").count >= polled + 2 }, "polling stalled: \(daemon.stderr)")

        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: .seconds(30)) == 0, "stderr: \(daemon.stderr)")
        #expect(daemon.stderr.contains("stopping: no new polls"))
        await server.stop()
    }

    @Test("a source answering 503 with Retry-After: 6 is not asked again for 6 seconds")
    func retryAfter() async throws {
        let server = try await TestHTTPServer.start()
        let workspace = try DaemonWorkspace()
        server.set(path: "/busy", status: 503, headers: ["Retry-After": "6"], body: "busy")
        try workspace.writeConfig(sources: [("busy", server.url("/busy"))])
        let daemon = try DaemonProcess(config: workspace.configPath, environment: [:], scratch: workspace.directory)

        #expect(await eventually(timeout: .seconds(30)) { server.requests(to: "/busy").count >= 2 }, "stderr: \(daemon.stderr)")
        let times = server.requests(to: "/busy").map(\.receivedAt)
        if times.count >= 2 {
            #expect(times[1] - times[0] >= .seconds(6))
        }
        #expect(await eventually { workspace.hasEvent(.sourceFailing, urlSuffix: "") })

        daemon.signal(SIGINT)
        #expect(await daemon.waitForExit(timeout: .seconds(30)) == 0)
        await server.stop()
    }
}
