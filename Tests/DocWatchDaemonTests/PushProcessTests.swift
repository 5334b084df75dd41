#if canImport(Glibc)
import Glibc
#endif
import DocWatchCore
import DocWatchTestSupport
import Foundation
import Testing

/// Push notifications from the real `docwatch run`: a loopback webhook that fails and recovers, command targets.
@Suite("docwatch run pushes events (process)")
struct PushProcessTests {
    /// The workspace config with `[[notify]]` tables appended.
    private func writeConfig(_ workspace: DaemonWorkspace, sources: [(id: String, url: String)], notify: String) throws {
        try workspace.writeConfig(sources: sources)
        let text = try String(contentsOfFile: workspace.configPath, encoding: .utf8)
        try workspace.write(text + "\n" + notify)
    }

    /// An executable shell script in the workspace.
    private func script(_ workspace: DaemonWorkspace, _ name: String, _ body: String) throws -> String {
        let path = workspace.directory.appendingPathComponent(name).path
        try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return path
    }

    private func lines(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    private func decode(_ line: String) throws -> ChangeEvent {
        try JSONDecoder().decode(ChangeEvent.self, from: Data(line.utf8))
    }

    @Test("a webhook answering 500 three times then 200 gets every event once, in seq order, with id and seq headers; a command gets every event; a types filter")
    func webhookRecoversAndCommandDelivers() async throws {
        let server = try await TestHTTPServer.start()
        let hooks = try await TestWebhookReceiver.start(failures: ["/hook": 3])
        let workspace = try DaemonWorkspace()
        for name in ["a", "b", "c"] {
            server.page(path: "/\(name).html", body: DaemonWorkspace.article("通知\(name)", ["关于\(name)的通知。"]), etag: "\"\(name)1\"")
        }
        let commandOut = workspace.directory.appendingPathComponent("command-events.jsonl").path
        let command = try script(workspace, "on-event.sh", "cat >> '\(commandOut)'")
        try writeConfig(workspace, sources: ["a", "b", "c"].map { ($0, server.url("/\($0).html")) }, notify: """
            [[notify]]
            id = "hook"
            url = "\(hooks.url("/hook"))"
            headers = { Authorization = "Bearer test-token" }
            timeout = "30s"
            backoff = "200ms"
            max_backoff = "1s"

            [[notify]]
            url = "\(hooks.url("/changed"))"
            types = ["document.changed"]
            backoff = "200ms"
            max_backoff = "1s"

            [[notify]]
            command = ["\(command)"]
            timeout = "30s"
            """)
        let daemon = try DaemonProcess(config: workspace.configPath, environment: [:], scratch: workspace.directory)

        #expect(await eventually { try ChangeLogFiles.events(in: workspace.logDir).count >= 3 }, "stderr: \(daemon.stderr)")
        server.page(path: "/a.html", body: DaemonWorkspace.article("通知a", ["关于a的通知。", "补充一条。"]), etag: "\"a2\"")
        #expect(await eventually { workspace.hasEvent(.documentChanged, urlSuffix: "/a.html") }, "stderr: \(daemon.stderr)")
        let logged = try ChangeLogFiles.events(in: workspace.logDir)
        #expect(logged.count == 4)

        #expect(await eventually { hooks.accepted(on: "/hook").count >= logged.count }, "stderr: \(daemon.stderr)")
        #expect(await eventually { lines(commandOut).count >= logged.count }, "stderr: \(daemon.stderr)")
        #expect(await eventually { !hooks.accepted(on: "/changed").isEmpty })
        // Time for a repeat to show up, if there were one.
        try await Task.sleep(for: .seconds(2))

        let accepted = hooks.accepted(on: "/hook")
        let pushed = try accepted.map { try decode($0.body) }
        #expect(pushed.map(\.seq) == logged.map(\.seq), "each event once, in seq order")
        #expect(pushed.map(\.id) == logged.map(\.id))
        #expect(accepted.map { $0.headers["x-docwatch-event"] } == logged.map(\.id))
        #expect(accepted.map { $0.headers["x-docwatch-seq"] } == logged.map { String($0.seq) })
        #expect(accepted.allSatisfy { $0.headers["content-type"] == "application/json" })
        #expect(accepted.allSatisfy { $0.headers["authorization"] == "Bearer test-token" })
        let attempts = hooks.deliveries.filter { $0.path == "/hook" }
        #expect(attempts.filter { $0.status == 500 }.count == 3)
        let attemptedSeqs = try attempts.map { try decode($0.body).seq }
        #expect(attemptedSeqs == attemptedSeqs.sorted(), "no event was sent before an earlier one was taken")

        #expect(try lines(commandOut).map { try decode($0).seq } == logged.map(\.seq))
        #expect(try hooks.accepted(on: "/changed").map { try decode($0.body).type } == [.documentChanged])

        let stderr = daemon.stderr
        #expect(stderr.components(separatedBy: "push target failing").count - 1 == 1, "one line when it starts failing: \(stderr)")
        #expect(stderr.components(separatedBy: "push target delivering again").count - 1 == 1, "one line on recovery: \(stderr)")

        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: .seconds(30)) == 0, "stderr: \(daemon.stderr)")
        await hooks.stop()
        await server.stop()
    }

    @Test("a command that hangs is killed after its time limit and the event is delivered on a retry")
    func hangingCommandIsKilled() async throws {
        let server = try await TestHTTPServer.start()
        let workspace = try DaemonWorkspace()
        server.page(path: "/a.html", body: DaemonWorkspace.article("通知", ["第一条。"]), etag: "\"a1\"")
        let out = workspace.directory.appendingPathComponent("out.jsonl").path
        let marker = workspace.directory.appendingPathComponent("hung-once").path
        let command = try script(workspace, "slow.sh", """
            if [ ! -e '\(marker)' ]; then echo $$ > '\(marker)'; exec sleep 60; fi
            cat >> '\(out)'
            """)
        try writeConfig(workspace, sources: [("a", server.url("/a.html"))], notify: """
            [[notify]]
            command = ["\(command)"]
            timeout = "500ms"
            backoff = "100ms"
            max_backoff = "200ms"
            """)
        let daemon = try DaemonProcess(config: workspace.configPath, environment: [:], scratch: workspace.directory)

        #expect(await eventually { !lines(out).isEmpty }, "stderr: \(daemon.stderr)")
        let logged = try ChangeLogFiles.events(in: workspace.logDir)
        #expect(try lines(out).map { try decode($0).seq } == logged.map(\.seq))
        #expect(daemon.stderr.contains("killed after the time limit of 500ms"), "stderr: \(daemon.stderr)")
        let hungPID = try #require(Int32(lines(marker).first ?? ""))
        #expect(kill(hungPID, 0) != 0, "the hung command is gone")

        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: .seconds(30)) == 0, "stderr: \(daemon.stderr)")
        await server.stop()
    }
}

@Suite("push targets follow reloads (process)")
struct PushReloadProcessTests {
    @Test("a target added by SIGHUP gets the events written after it, not the history; a removed one gets no more")
    func addedByReload() async throws {
        let server = try await TestHTTPServer.start()
        let hooks = try await TestWebhookReceiver.start()
        let workspace = try DaemonWorkspace()
        server.page(path: "/a.html", body: DaemonWorkspace.article("通知", ["第一条。"]), etag: "\"a1\"")
        server.page(path: "/b.html", body: DaemonWorkspace.article("公告", ["第二条。"]), etag: "\"b1\"")
        try workspace.writeConfig(sources: [("a", server.url("/a.html"))])
        let plain = try String(contentsOfFile: workspace.configPath, encoding: .utf8)
        let listener = try NotifyListener(path: workspace.notifySocketPath)
        let daemon = try DaemonProcess(config: workspace.configPath, environment: ["NOTIFY_SOCKET": listener.path],
                                       scratch: workspace.directory)
        #expect(await eventually { workspace.hasEvent(.documentNew, urlSuffix: "/a.html") }, "stderr: \(daemon.stderr)")

        try workspace.write(plain + "\n[[notify]]\nurl = \"\(hooks.url("/hook"))\"\n")
        daemon.signal(SIGHUP)
        #expect(await listener.waitFor { $0.hasPrefix("RELOADING=1") } != nil)
        #expect(await eventually { daemon.stderr.contains("reloaded") }, "stderr: \(daemon.stderr)")
        server.page(path: "/a.html", body: DaemonWorkspace.article("通知", ["第一条。", "第二段。"]), etag: "\"a2\"")
        #expect(await eventually { !hooks.accepted(on: "/hook").isEmpty }, "stderr: \(daemon.stderr)")
        let first = try JSONDecoder().decode(ChangeEvent.self, from: Data(hooks.accepted(on: "/hook")[0].body.utf8))
        #expect(first.type == .documentChanged, "the document.new written before the target was added is not pushed")

        try workspace.write(plain.replacingOccurrences(of: "[[source]]", with: "[[source]]\nid = \"b\"\nurl = \"\(server.url("/b.html"))\"\n\n[[source]]"))
        let before = hooks.deliveries.count
        daemon.signal(SIGHUP)
        #expect(await eventually { workspace.hasEvent(.documentNew, urlSuffix: "/b.html") }, "stderr: \(daemon.stderr)")
        try await Task.sleep(for: .seconds(1))
        #expect(hooks.deliveries.count == before, "a removed target gets nothing more")

        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: .seconds(30)) == 0, "stderr: \(daemon.stderr)")
        await hooks.stop()
        await server.stop()
    }
}

@Suite("push commands at shutdown (process)")
struct PushShutdownProcessTests {
    @Test("SIGTERM does not wait for a running command's time limit: the command is killed and the daemon exits")
    func shutdownKillsARunningCommand() async throws {
        let server = try await TestHTTPServer.start()
        let workspace = try DaemonWorkspace()
        server.page(path: "/a.html", body: DaemonWorkspace.article("通知", ["第一条。"]), etag: "\"a1\"")
        let marker = workspace.directory.appendingPathComponent("running").path
        let command = workspace.directory.appendingPathComponent("stuck.sh").path
        try "#!/bin/sh\necho $$ > '\(marker)'; exec sleep 120\n".write(toFile: command, atomically: true, encoding: .utf8)
        chmod(command, 0o755)
        try workspace.writeConfig(sources: [("a", server.url("/a.html"))])
        let text = try String(contentsOfFile: workspace.configPath, encoding: .utf8)
        try workspace.write(text + "\n[[notify]]\ncommand = [\"\(command)\"]\ntimeout = \"2m\"\n")
        let daemon = try DaemonProcess(config: workspace.configPath, environment: [:], scratch: workspace.directory)
        let pid: () -> Int32? = {
            Int32(((try? String(contentsOfFile: marker, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
        }
        #expect(await eventually { pid() != nil }, "stderr: \(daemon.stderr)")
        let stuckPID = try #require(pid())

        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: .seconds(8)) == 0, "stderr: \(daemon.stderr)")
        #expect(kill(stuckPID, 0) != 0, "the running command is gone")
        #expect(!daemon.stderr.contains("push target failing"), "shutdown is no failure of the target")
        await server.stop()
    }
}
