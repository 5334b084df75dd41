#if canImport(Glibc)
import Glibc
#endif
import DocWatchCore
import DocWatchPostgres
import DocWatchTestSupport
import Foundation
import Testing

/// Two `docwatch run` processes on one PostgreSQL database, 200 loopback pages polled every few seconds:
/// the work is shared with no source polled twice in an interval, a daemon killed with SIGKILL hands its
/// sources to the other within a lease, every event lands in exactly one log directory, and `query`
/// (another process, same database) finds a two-character term.
@Suite("Several daemons on one PostgreSQL database", .enabled(if: PostgresTestDatabase.isAvailable), .timeLimit(.minutes(5)))
struct ClusterEndToEndTests {
    static let sourceCount = 200
    static let interval: TimeInterval = 8
    static let jitter = 0.1
    static let lease: TimeInterval = 5

    /// A page whose text differs from every other page's, so each is a document of its own.
    static func page(_ number: Int) -> String {
        let topic = number == 77 ? "全省规模以上工业企业复工率达到百分之九十九" : "第\(number)号通知公布本月第\(number * 7)批项目清单"
        return Fixtures.article(
            title: "关于第\(number)批事项的公告", site: "测试市人民政府",
            paragraphs: [topic, "编号\(number)的事项共计\(number * 13)项，涉及\(number % 17 + 2)个区县。", "联系电话\(10_000 + number)。"],
            charset: "utf-8")
    }

    /// One daemon's config: shared database and sources, its own node, user agent and log directory.
    static func config(node: String, database: String, logDir: String, server: TestHTTPServer) -> String {
        var text = """
            database = "\(database)"
            log_dir = "\(logDir)"
            user_agent = "docwatch-test/\(node)"

            [cluster]
            node = "\(node)"
            lease = "\(Int(lease))s"

            [http]
            host_delay = "10ms"
            per_host = 4
            timeout = "30s"
            connect_timeout = "10s"

            [schedule]
            interval = "\(Int(interval))s"
            jitter = \(jitter)

            """
        for number in 1...sourceCount {
            text += "\n[[source]]\nid = \"p\(number)\"\nurl = \"\(server.url("/p/\(number).html"))\"\n"
        }
        return text
    }

    @Test("two daemons share 200 sources, one takes over when the other is killed, events are written once")
    func twoDaemonsShareTheWork() async throws {
        let database = try PostgresTestDatabase()
        _ = try database.open(node: "setup")
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        for number in 1...Self.sourceCount {
            server.page(path: "/p/\(number).html", body: Self.page(number), etag: "\"v\(number)\"")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("docwatch-cluster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var configs: [String: String] = [:]
        var logDirs: [String: String] = [:]
        for node in ["a", "b"] {
            logDirs[node] = scratch.appendingPathComponent("log-\(node)").path
            configs[node] = scratch.appendingPathComponent("\(node).toml").path
            try Self.config(node: node, database: database.url, logDir: logDirs[node]!, server: server)
                .write(toFile: configs[node]!, atomically: true, encoding: .utf8)
        }
        let paths = (1...Self.sourceCount).map { "/p/\($0).html" }
        let a = try DaemonProcess(config: configs["a"]!, environment: [:], scratch: scratch)
        let b = try DaemonProcess(config: configs["b"]!, environment: [:], scratch: scratch)

        // A first round and most of a second: both daemons poll, together covering every source.
        let firstRound = await eventually(timeout: .seconds(120)) { Set(server.requests.map(\.path)).count == Self.sourceCount }
        #expect(firstRound, "a: \(a.stderr.suffix(2000))\nb: \(b.stderr.suffix(2000))")
        try await Task.sleep(for: .seconds(Self.interval * 1.5))
        let byNode = Dictionary(grouping: server.requests, by: { $0.headers["user-agent"] ?? "" }).mapValues(\.count)
        #expect((byNode["docwatch-test/a"] ?? 0) > 0 && (byNode["docwatch-test/b"] ?? 0) > 0, "both daemons polled: \(byNode)")

        // Every event so far is in a log directory: an event a node has claimed stays that node's until it
        // comes back under its name (see PostgresStore.pendingEvents), so a is killed between drains.
        let connection = try PostgresConnection(url: database.url)
        let undelivered = { try connection.query("SELECT count(*) AS n FROM outbox WHERE delivered = 0", operation: "count").first?.int("n") }
        #expect(await eventually(timeout: .seconds(60)) { try undelivered() == 0 })

        // Kill one without warning: its leases are left behind.
        a.signal(SIGKILL)
        _ = await a.waitForExit(timeout: .seconds(5))
        let killed = ContinuousClock.now
        let takeover = Self.interval * (1 + Self.jitter) + Self.lease + 2
        try await Task.sleep(for: .seconds(takeover + 1))
        #expect(b.isRunning, "b: \(b.stderr.suffix(2000))")

        let requests = server.requests
        // Every source is polled by b after the kill, within an interval and a lease.
        let late = paths.filter { path in
            !requests.contains { $0.path == path && $0.receivedAt > killed && $0.receivedAt < killed + .seconds(takeover)
                && $0.headers["user-agent"] == "docwatch-test/b" }
        }
        #expect(late.isEmpty, "not taken over within \(takeover)s: \(late.prefix(10))")
        #expect(!requests.contains { $0.receivedAt > killed && $0.headers["user-agent"] == "docwatch-test/a" })
        // No source is polled twice in one interval. The one exception is a poll a was making when it was
        // killed: never recorded, it is made again by b once the lease has passed.
        let shortest = Self.interval * (1 - Self.jitter) - 0.5
        var twice: [String] = []
        for path in paths {
            let times = requests.filter { $0.path == path }.sorted { $0.receivedAt < $1.receivedAt }
            for (earlier, later) in zip(times, times.dropFirst()) {
                let gap = later.receivedAt - earlier.receivedAt
                let cutShortByKill = earlier.headers["user-agent"] == "docwatch-test/a" && earlier.receivedAt > killed - .seconds(3)
                if gap < .seconds(shortest) && !cutShortByKill { twice.append("\(path) after \(gap)") }
            }
        }
        #expect(twice.isEmpty, "polled twice within an interval: \(twice.prefix(10))")

        // Every event in the outbox is in exactly one of the two log directories.
        let stored = try connection.query("SELECT seq FROM outbox ORDER BY seq", operation: "read the outbox").compactMap { $0.int64("seq") }
        #expect(stored.count >= Self.sourceCount)
        var written: [Int64] = []
        let drained = await eventually(timeout: .seconds(30)) {
            written = try ["a", "b"].flatMap { try ChangeLogFiles.events(in: logDirs[$0]!).map(\.seq) }
            return Set(written) == Set(stored)
        }
        #expect(drained, "outbox \(stored.count) events, log directories \(written.count)")
        #expect(written.count == Set(written).count, "an event was written twice")

        // An analyst's query, another process on the same database, finds a two-character term.
        let query = try await DocWatchProcess.run(["query", "复工", "--json", "--config", configs["b"]!])
        #expect(query.status == 0, "\(query.stderr)")
        let urls = try query.stdoutLines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
            .compactMap { $0["url"] as? String }
        #expect(urls == [server.url("/p/77.html")])

        b.signal(SIGTERM)
        #expect(await b.waitForExit(timeout: .seconds(15)) == 0, "b: \(b.stderr.suffix(2000))")
    }

    @Test("check-config shows [cluster] for a PostgreSQL database, and [cluster] with a SQLite file is refused")
    func checkConfigShowsCluster() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("docwatch-cluster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let config = scratch.appendingPathComponent("docwatch.toml").path
        try "database = \"postgresql://docwatch@db.example/docwatch\"\nlog_dir = \"\(scratch.path)/log\"\n[cluster]\nnode = \"bj-1\"\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        let shown = try await DocWatchProcess.run(["check-config", "--config", config])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("[cluster]\nnode = \"bj-1\"\nlease = \"10m\""))

        try "database = \"\(scratch.path)/docwatch.sqlite\"\n[cluster]\nnode = \"bj-1\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let refused = try await DocWatchProcess.run(["check-config", "--config", config])
        #expect(refused.status == 78)
        #expect(refused.stderr.contains("\(config):2:1: bad value for 'cluster'"), "\(refused.stderr)")
    }
}
