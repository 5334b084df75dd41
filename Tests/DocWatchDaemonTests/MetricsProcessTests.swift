#if canImport(Glibc)
import Glibc
#endif
import DocWatchTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `[metrics] listen` with the real binary: `/metrics` after polls of loopback sources.
@Suite("docwatch run: /metrics")
struct MetricsProcessTests {
    @Test("after polls of a good and a failing source, /metrics counts them by source and outcome in the text format")
    func countersAfterPolls() async throws {
        let server = try await TestHTTPServer.start()
        let workspace = try DaemonWorkspace()
        server.page(path: "/a.html", body: DaemonWorkspace.article("工信动态", ["第一季度工业增加值增长6.1%。"]), etag: "\"a1\"")
        server.set(path: "/gone.html", status: 404, headers: [:], body: "gone")
        let port = try await Self.freePort()
        try workspace.writeConfig(sources: [("a", server.url("/a.html")), ("gone", server.url("/gone.html"))],
                                  extra: "[metrics]\nlisten = \"127.0.0.1:\(port)\"\n"
                                      + "[[notify]]\nid = \"refuses\"\ncommand = [\"/bin/false\"]\n")
        let daemon = try DaemonProcess(config: workspace.configPath, environment: [:], scratch: workspace.directory)

        var samples: [String: Double] = [:]
        var text = ""
        // Generous: CI runs every suite at once on two cores; a passing run leaves as soon as all is there.
        let deadline = ContinuousClock.now + .seconds(90)
        while ContinuousClock.now < deadline {
            text = (try? await Self.get("http://127.0.0.1:\(port)/metrics")) ?? ""
            samples = MetricsText.samples(text)
            if (samples[#"docwatch_polls_total{source="a",outcome="not_modified"}"#] ?? 0) >= 1,
               (samples[#"docwatch_polls_total{source="gone",outcome="error"}"#] ?? 0) >= 2,
               samples["docwatch_outbox_backlog"] != nil,
               (samples[#"docwatch_push_backlog{target="refuses"}"#] ?? 0) >= 1 { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(MetricsText.malformedLines(text).isEmpty, "not the text format: \(MetricsText.malformedLines(text))")
        #expect(samples[#"docwatch_polls_total{source="a",outcome="new"}"#] == 1, "\(text)\n\(daemon.stderr)")
        #expect((samples[#"docwatch_polls_total{source="a",outcome="not_modified"}"#] ?? 0) >= 1)
        #expect((samples[#"docwatch_polls_total{source="gone",outcome="error"}"#] ?? 0) >= 2)
        #expect(samples["docwatch_documents"] == 1)
        #expect(samples["docwatch_versions"] == 1)
        #expect(samples["docwatch_failing_sources"] == 1)
        #expect(samples["docwatch_outbox_backlog"] != nil)
        // A target whose command always fails is owed every event written since it was added.
        #expect((samples[#"docwatch_push_backlog{target="refuses"}"#] ?? 0) >= 1, "\(text)")
        let lastSuccess = try #require(samples[#"docwatch_source_last_success_timestamp_seconds{source="a"}"#])
        #expect(abs(lastSuccess - Date().timeIntervalSince1970) < 60)
        #expect(samples[#"docwatch_source_last_success_timestamp_seconds{source="gone"}"#] == nil)
        #expect((samples["docwatch_poll_duration_seconds_count"] ?? 0) >= 4)
        #expect(text.contains("# TYPE docwatch_polls_total counter"))
        #expect(text.contains("# TYPE docwatch_poll_duration_seconds histogram"))
        #expect(try await Self.status("http://127.0.0.1:\(port)/other") == 404)

        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: .seconds(30)) == 0, "stderr: \(daemon.stderr)")
        await server.stop()
    }

    @Test("a metrics port already in use stops docwatch run at start with one line naming the address")
    func portInUse() async throws {
        let occupant = try await TestHTTPServer.start()
        let workspace = try DaemonWorkspace()
        let address = "127.0.0.1:\(occupant.port)"
        try workspace.writeConfig(sources: [("a", occupant.url("/a.html"))], extra: "[metrics]\nlisten = \"\(address)\"\n")
        let daemon = try DaemonProcess(config: workspace.configPath, environment: [:], scratch: workspace.directory)

        let status = await daemon.waitForExit(timeout: .seconds(30))
        #expect(status != nil && status != 0)
        let lines = daemon.stderr.split(separator: "\n").filter { $0.contains("metrics") }
        #expect(lines.count == 1, "\(daemon.stderr)")
        #expect(lines.first?.contains("cannot serve metrics on \(address): address already in use") == true)
        #expect(occupant.requests(to: "/a.html").isEmpty, "polled before failing")
        await occupant.stop()
    }

    /// A loopback port nothing listens on, below the kernel's ephemeral range (32768–60999 by default).
    /// A port a test server had and gave back is an ephemeral one: the kernel may hand it to another
    /// test's server or outgoing connection before the daemon binds it (CI saw "address already in use").
    /// Ports under 32768 are never handed out that way, and the bind check skips one somebody holds.
    static func freePort() async throws -> UInt16 {
        for _ in 0..<200 {
            let port = UInt16.random(in: 20000..<32000)
            if canBind(port) { return port }
        }
        throw PortSearchFailed()
    }

    struct PortSearchFailed: Error {}

    /// Whether a TCP socket can bind 127.0.0.1:`port` now (the socket is closed again at once).
    static func canBind(_ port: UInt16) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    static func get(_ url: String) async throws -> String {
        let (data, _) = try await URLSession.shared.data(from: try #require(URL(string: url)))
        return String(decoding: data, as: UTF8.self)
    }

    static func status(_ url: String) async throws -> Int {
        let (_, response) = try await URLSession.shared.data(from: try #require(URL(string: url)))
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }
}

/// Reads the Prometheus text exposition format, line by line.
enum MetricsText {
    /// `name{labels}` → value, for every sample line.
    static func samples(_ text: String) -> [String: Double] {
        var out: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            out[String(line[..<space])] = value
        }
        return out
    }

    /// Lines that are neither `# HELP`/`# TYPE` comments nor `name{label="value",…} number` samples.
    static func malformedLines(_ text: String) -> [String] {
        let sample = #/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*"(,[a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*")*\})? (-?[0-9.eE+-]+|\+Inf|-Inf|NaN)$/#
        let comment = #/^# (HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*|TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (counter|gauge|histogram|summary|untyped))$/#
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            if line.isEmpty { return nil }
            return line.wholeMatch(of: sample) != nil || line.wholeMatch(of: comment) != nil ? nil : "\(index + 1): \(line)"
        }
    }
}
