import DocWatchPostgres
import DocWatchStore
import DocWatchTestSupport
import Foundation
import Testing

/// Leases between daemons on one PostgreSQL database: sources, the shared host schedule, push targets.
/// Rows are written with SQL here so these tests depend only on the cluster methods.
@Suite("PostgreSQL cluster leases", .enabled(if: PostgresTestDatabase.isAvailable))
struct PostgresClusterTests {
    let start = Date(timeIntervalSince1970: 1_786_000_000)

    /// A test database with `ids` as live sources, all due at `due` (nil: never polled).
    func database(sources ids: [String], due: Date? = nil) throws -> PostgresTestDatabase {
        let database = try PostgresTestDatabase()
        _ = try database.open(node: "setup")
        let connection = try PostgresConnection(url: database.url)
        for id in ids {
            try connection.query("INSERT INTO source (id, kind, url, name, next_due) VALUES ($1, 'page', $2, $1, $3)",
                                 [id, "http://127.0.0.1:9/\(id)", due], operation: "add a source")
        }
        return database
    }

    @Test("two nodes claiming the same due sources at once each get a share, and no source twice")
    func twoNodesClaimEachSourceOnce() throws {
        let ids = (1...40).map { "s\($0)" }
        let database = try database(sources: ids)
        let stores = [try database.open(node: "a"), try database.open(node: "b")]
        let results = ClaimResults()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let claims = try? stores[index].claimSources(ids.shuffled(), node: index == 0 ? "a" : "b", now: start, lease: 60)
            results.set(index, claims)
        }
        let a = try #require(results.get(0)), b = try #require(results.get(1))
        #expect(Set(a.claimed).isDisjoint(with: b.claimed))
        #expect(Set(a.claimed).union(b.claimed) == Set(ids))
        // What one node did not get, it is told to look at again no later than the other's lease end.
        for id in b.deferred.keys { #expect(b.deferred[id]! <= start.addingTimeInterval(60)) }
        for id in a.deferred.keys { #expect(a.deferred[id]! <= start.addingTimeInterval(60)) }
    }

    @Test("a source leased by another node is deferred to the lease's end, and taken over after it")
    func anExpiredLeaseIsTakenOver() throws {
        let database = try database(sources: ["x"])
        let a = try database.open(node: "a"), b = try database.open(node: "b")
        #expect(try a.claimSources(["x"], node: "a", now: start, lease: 5).claimed == ["x"])
        let held = try b.claimSources(["x"], node: "b", now: start.addingTimeInterval(1), lease: 5)
        #expect(held.claimed.isEmpty)
        #expect(held.deferred == ["x": start.addingTimeInterval(5)])
        // Node a died without recording its poll: after the lease, b polls the source.
        #expect(try b.claimSources(["x"], node: "b", now: start.addingTimeInterval(6), lease: 5).claimed == ["x"])
        #expect(try a.claimSources(["x"], node: "a", now: start.addingTimeInterval(7), lease: 5).deferred
                == ["x": start.addingTimeInterval(11)])
    }

    @Test("a node renews its own lease: the source is claimed again")
    func aNodeKeepsItsOwnLease() throws {
        let database = try database(sources: ["x"])
        let a = try database.open(node: "a")
        #expect(try a.claimSources(["x"], node: "a", now: start, lease: 60).claimed == ["x"])
        #expect(try a.claimSources(["x"], node: "a", now: start.addingTimeInterval(1), lease: 60).claimed == ["x"])
    }

    @Test("a source the other node polled since is deferred to its new next_due")
    func aSourcePolledSinceIsDeferredToItsNextDue() throws {
        let database = try database(sources: ["x"], due: start)
        let a = try database.open(node: "a"), b = try database.open(node: "b")
        #expect(try a.claimSources(["x"], node: "a", now: start, lease: 60).claimed == ["x"])
        // Node a records its poll: next due in ten minutes, lease released (as recordSourcePoll does).
        let next = start.addingTimeInterval(600)
        try PostgresConnection(url: database.url).query(
            "UPDATE source SET next_due = $1, lease_node = NULL, lease_until = NULL, last_node = 'a' WHERE id = 'x'",
            [next], operation: "record a's poll")
        let claims = try b.claimSources(["x"], node: "b", now: start.addingTimeInterval(2), lease: 60)
        #expect(claims.claimed.isEmpty)
        #expect(claims.deferred == ["x": next])
        #expect(try b.claimSources(["x"], node: "b", now: next, lease: 60).claimed == ["x"])
    }

    @Test("a row another transaction is claiming is skipped, not waited for, and looked at again shortly")
    func aLockedRowIsDeferredShortly() throws {
        let database = try database(sources: ["x", "y"])
        let b = try database.open(node: "b")
        let other = try PostgresConnection(url: database.url)
        try other.script("BEGIN", operation: "begin")
        try other.query("SELECT id FROM source WHERE id = 'x' FOR UPDATE", operation: "lock x")
        let claims = try b.claimSources(["x", "y"], node: "b", now: start, lease: 60)
        try other.script("ROLLBACK", operation: "rollback")
        #expect(claims.claimed == ["y"])
        #expect(claims.deferred == ["x": start.addingTimeInterval(2)])
    }

    @Test("sources the table does not have (or has removed) are claimed without a lease, as on SQLite")
    func unknownSourcesAreClaimed() throws {
        let database = try database(sources: [])
        let a = try database.open(node: "a")
        #expect(try a.claimSources(["ghost"], node: "a", now: start, lease: 60).claimed == ["ghost"])
        #expect(try a.claimSources([], node: "a", now: start, lease: 60) == SourceClaims(claimed: []))
    }

    @Test("two nodes reserving starts to one host get them host_delay apart; another host is free")
    func hostSlotsAreDelayApart() throws {
        let database = try database(sources: [])
        let a = try database.open(node: "a"), b = try database.open(node: "b")
        #expect(try a.reserveHostSlot(host: "gov.cn", delay: 1.5, now: start) == start)
        #expect(try b.reserveHostSlot(host: "gov.cn", delay: 1.5, now: start) == start.addingTimeInterval(1.5))
        #expect(try a.reserveHostSlot(host: "gov.cn", delay: 1.5, now: start.addingTimeInterval(0.5)) == start.addingTimeInterval(3))
        #expect(try b.reserveHostSlot(host: "news.cn", delay: 1.5, now: start) == start)
        // Once the schedule has passed, a reservation starts at once.
        #expect(try b.reserveHostSlot(host: "gov.cn", delay: 1.5, now: start.addingTimeInterval(60)) == start.addingTimeInterval(60))
    }

    @Test("a released lease lets another node claim the source at once; another node's lease is not released")
    func releasedLeaseIsFreeAtOnce() throws {
        let database = try database(sources: ["s1", "s2"], due: start)
        let a = try database.open(node: "a"), b = try database.open(node: "b")
        #expect(try a.claimSources(["s1", "s2"], node: "a", now: start, lease: 600).claimed.sorted() == ["s1", "s2"])
        try b.releaseSources(["s1"], node: "b")
        #expect(try b.claimSources(["s1"], node: "b", now: start, lease: 600).claimed.isEmpty)
        try a.releaseSources(["s1"], node: "a")
        #expect(try b.claimSources(["s1", "s2"], node: "b", now: start, lease: 600).claimed == ["s1"])
    }

    @Test("pruning the fetch log forgets hosts whose last reserved start is older than its horizon")
    func pruneForgetsIdleHosts() throws {
        let database = try database(sources: [])
        let a = try database.open(node: "a")
        _ = try a.reserveHostSlot(host: "old.gov.cn", delay: 1, now: start)
        _ = try a.reserveHostSlot(host: "busy.gov.cn", delay: 1, now: start.addingTimeInterval(3600))
        _ = try a.prune(StorePrunePlan(fetchLogBefore: start.addingTimeInterval(60)), dryRun: false)
        let connection = try PostgresConnection(url: database.url)
        let hosts = try connection.query("SELECT host FROM host_slot ORDER BY host", operation: "read").compactMap { $0.string("host") }
        #expect(hosts == ["busy.gov.cn"])
    }

    @Test("many reservations at once to one host are all delay apart")
    func concurrentHostSlotsNeverCollide() throws {
        let database = try database(sources: [])
        let stores = [try database.open(node: "a"), try database.open(node: "b")]
        let starts = ReservedStarts()
        DispatchQueue.concurrentPerform(iterations: 20) { index in
            if let slot = try? stores[index % 2].reserveHostSlot(host: "gov.cn", delay: 1, now: start) { starts.add(slot) }
        }
        #expect(starts.sorted == (0..<20).map { start.addingTimeInterval(Double($0)) })
    }

    @Test("a push target is pushed by one node at a time; its lease is renewed, and taken over when it expires")
    func pushTargetLease() throws {
        let database = try database(sources: [])
        try PostgresConnection(url: database.url).query(
            "INSERT INTO push_cursor (target, seq, added) VALUES ('hook', 0, $1)", [start], operation: "add a target")
        let a = try database.open(node: "a"), b = try database.open(node: "b")
        #expect(try a.claimPushTarget("hook", node: "a", now: start, lease: 10))
        #expect(try !b.claimPushTarget("hook", node: "b", now: start.addingTimeInterval(1), lease: 10))
        #expect(try a.claimPushTarget("hook", node: "a", now: start.addingTimeInterval(8), lease: 10))
        #expect(try !b.claimPushTarget("hook", node: "b", now: start.addingTimeInterval(12), lease: 10))
        #expect(try b.claimPushTarget("hook", node: "b", now: start.addingTimeInterval(18), lease: 10))
        #expect(try !a.claimPushTarget("hook", node: "a", now: start.addingTimeInterval(19), lease: 10))
        #expect(try !a.claimPushTarget("unknown", node: "a", now: start, lease: 10))
    }
}

/// Results of concurrent claims, by node index.
private final class ClaimResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Int: SourceClaims] = [:]

    func set(_ index: Int, _ claims: SourceClaims?) { lock.withLock { results[index] = claims } }
    func get(_ index: Int) -> SourceClaims? { lock.withLock { results[index] } }
}

/// Starts reserved from several threads.
private final class ReservedStarts: @unchecked Sendable {
    private let lock = NSLock()
    private var starts: [Date] = []

    func add(_ start: Date) { lock.withLock { starts.append(start) } }
    var sorted: [Date] { lock.withLock { starts.sorted() } }
}
