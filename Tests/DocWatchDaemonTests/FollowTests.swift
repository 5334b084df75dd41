#if canImport(Glibc)
import Glibc
#endif
import DocWatchCore
import DocWatchTestSupport
import Foundation
import Synchronization
import Testing

/// `changes --follow --json` with its stdout a pipe, as `… | jq` runs it.
@Suite("changes --follow (process)", .serialized)
struct FollowTests {
    @Test("prints an appended event within 2 s through a pipe, and picks up a new day's file")
    func followThroughPipe() async throws {
        let server = try await TestHTTPServer.start()
        let workspace = try DaemonWorkspace()
        server.page(path: "/a.html", body: DaemonWorkspace.article("工信动态", ["第一季度工业增加值增长6.1%。"]), etag: "\"a1\"")
        server.page(path: "/b.html", body: DaemonWorkspace.article("江苏省通知", ["关于开展先进制造业集群培育的通知。"]), etag: "\"b1\"")
        try workspace.write(ServiceConfig.text(workspace, sources: [("a", server.url("/a.html")), ("b", server.url("/b.html"))], interval: "1h"))
        #expect(try await DocWatchProcess.run(["fetch", "a", "--config", workspace.configPath]).status == 0)

        let follower = try PipedCommand(["changes", "--follow", "--json", "--config", workspace.configPath])
        #expect(await eventually(timeout: .seconds(5)) { follower.lines.contains { $0.contains("/a.html") } }, "no initial line: \(follower.lines)")

        #expect(try await DocWatchProcess.run(["fetch", "b", "--config", workspace.configPath]).status == 0)
        let written = ContinuousClock.now
        #expect(await eventually(timeout: .seconds(2)) { follower.lines.contains { $0.contains("/b.html") } }, "no line for b: \(follower.lines)")
        #expect(ContinuousClock.now - written < .seconds(2))

        // A later day's file with one event (seq past the others), as the notifier writes after midnight UTC.
        let last = try #require(try ChangeLogFiles.events(in: workspace.logDir).last)
        var next = last
        next.seq = last.seq + 1
        next.id = String(format: "evt-%06lld", next.seq)
        next.url = server.url("/next-day.html")
        next.time = "2099-01-01T00:00:01Z"
        try (next.jsonLine() + "\n").write(toFile: "\(workspace.logDir)/changes-2099-01-01.jsonl", atomically: false, encoding: .utf8)
        #expect(await eventually(timeout: .seconds(3)) { follower.lines.contains { $0.contains("/next-day.html") } }, "new day not picked up: \(follower.lines)")
        #expect(follower.lines.filter { $0.contains("/b.html") }.count == 1)
        follower.stop()
        await server.stop()
    }

    @Test("an idle follower reads nothing: under 0.2 s CPU in 3 s over a 4 MiB change file")
    func idleFollowerCostsNoCPU() async throws {
        let workspace = try DaemonWorkspace()
        try workspace.write(ServiceConfig.text(workspace, sources: [("a", "http://127.0.0.1:9/")], interval: "1h"))
        try FileManager.default.createDirectory(atPath: workspace.logDir, withIntermediateDirectories: true)
        let line = #"{"seq":1,"id":"evt-000001","time":"2026-11-21T08:00:03Z","type":"document.new","source":"a","url":"http://x/"}"#
        let filler = String(repeating: line + "\n", count: 4 * 1_048_576 / (line.utf8.count + 1))
        try filler.write(toFile: "\(workspace.logDir)/changes-2026-11-21.jsonl", atomically: false, encoding: .utf8)
        let count = filler.utf8.count / (line.utf8.count + 1)
        let follower = try PipedCommand(["changes", "--follow", "--json", "--config", workspace.configPath])
        #expect(await eventually(timeout: .seconds(30)) { follower.lines.count == count })
        let start = follower.cpuSeconds()
        try await Task.sleep(for: .seconds(3))
        let used = follower.cpuSeconds() - start
        #expect(used < 0.2, "\(used) s CPU while idle")
        follower.stop()
    }
}

/// `docwatch ARGS…` running in the background with stdout a pipe; the lines it printed so far.
final class PipedCommand {
    private let process: Process
    private let output = Output()

    private final class Output: Sendable {
        let bytes = Mutex<[UInt8]>([])
    }

    init(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = DocWatchProcess.binary
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        self.process = process
        pipe.fileHandleForReading.readabilityHandler = { [output] handle in
            let data = handle.availableData
            output.bytes.withLock { $0 += data }
        }
        try process.run()
    }

    deinit { stop() }

    var lines: [String] {
        output.bytes.withLock { String(decoding: $0, as: UTF8.self) }.split(separator: "\n").map(String.init)
    }

    /// User plus system CPU time of the process so far, from /proc.
    func cpuSeconds() -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")")
        else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        let ticks = (Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)
        return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
