import DocWatchCore
import DocWatchStore
import Foundation

/// Several daemons on one database: source leases, the shared per-host schedule and push-target leases.
///
/// Every instant is the caller's `now` (the daemon's clock), so the rules are the same on one machine
/// and across several; keep the nodes' clocks in sync (NTP) as for any lease.
extension PostgresStore {
    /// Ends `node`'s leases of `ids`; a lease another node has taken since is left alone.
    public func releaseSources(_ ids: [String], node: String) throws(StoreError) {
        guard !ids.isEmpty else { return }
        _ = try pool.transaction("release source leases") { (connection) throws(StoreError) in
            try connection.query("""
                UPDATE source SET lease_node = NULL, lease_until = NULL WHERE id = ANY($1) AND lease_node = $2
                """, [PostgresTextArray(ids), node], operation: "release source leases")
        }
    }

    /// How soon a source whose row another node was claiming at that moment (locked, skipped) is looked
    /// at again: by then that node holds its lease, and the answer is a real due time.
    static let lockedSourceRetry: TimeInterval = 2

    /// Leases the due sources among `ids` to `node` in one transaction. A row another transaction has
    /// locked is skipped (`SKIP LOCKED`) and deferred for `lockedSourceRetry`; a source not due any more
    /// (another node polled it since) is deferred to its `next_due`; one leased by another node until
    /// later is deferred to the lease's end. Ids with no live row are claimed (nothing to share; the
    /// poll is recorded as on SQLite). The lease ends when the poll is recorded (`recordSourcePoll`).
    public func claimSources(_ ids: [String], node: String, now: Date, lease: TimeInterval) throws(StoreError) -> SourceClaims {
        guard !ids.isEmpty else { return SourceClaims(claimed: []) }
        return try pool.transaction("claim sources") { (connection) throws(StoreError) -> SourceClaims in
            let rows = try connection.query("""
                SELECT id, next_due, lease_node, lease_until FROM source
                WHERE id = ANY($1) AND removed = 0 FOR UPDATE SKIP LOCKED
                """, [PostgresTextArray(ids)], operation: "claim sources")
            var decisions: [String: SourceLease.Decision] = [:]
            for row in rows {
                guard let id = row.string("id") else { continue }
                let state = SourceLease(nextDue: row.date("next_due"), holder: row.string("lease_node"),
                                        until: row.date("lease_until"))
                decisions[id] = state.decision(for: node, now: now)
            }
            let skipped = ids.filter { decisions[$0] == nil }
            if !skipped.isEmpty {
                let live = try connection.query("SELECT id FROM source WHERE id = ANY($1) AND removed = 0",
                                                [PostgresTextArray(skipped)], operation: "claim sources")
                for id in live.compactMap({ $0.string("id") }) {
                    decisions[id] = .deferred(until: now.addingTimeInterval(Self.lockedSourceRetry))
                }
            }
            var claims = SourceClaims(claimed: [])
            var leased: [String] = []
            for id in ids {
                switch decisions[id] {
                case .deferred(let until): claims.deferred[id] = until
                case .claim: claims.claimed.append(id); leased.append(id)
                case nil: claims.claimed.append(id)
                }
            }
            if !leased.isEmpty {
                try connection.query("UPDATE source SET lease_node = $1, lease_until = $2 WHERE id = ANY($3)",
                                     [node, now.addingTimeInterval(lease), PostgresTextArray(leased)], operation: "claim sources")
            }
            return claims
        }
    }

    /// Reserves the next start to `host`: the later of `now` and the slot left by the previous
    /// reservation (from any node), leaving the slot `delay` after it. No lock is held while the caller
    /// waits for its start.
    public func reserveHostSlot(host: String, delay: TimeInterval, now: Date) throws(StoreError) -> Date {
        let rows = try pool.withConnection { (connection) throws(StoreError) -> [PostgresRow] in
            try connection.query("""
                INSERT INTO host_slot (host, next_start) VALUES ($1, $2::timestamptz + make_interval(secs => $3))
                ON CONFLICT (host) DO UPDATE
                    SET next_start = GREATEST(host_slot.next_start, $2::timestamptz) + make_interval(secs => $3)
                RETURNING next_start - make_interval(secs => $3) AS start
                """, [host, now, max(0, delay)], operation: "reserve a start to \(host)")
        }
        guard let start = rows.first?.date("start") else {
            throw StoreError(operation: "reserve a start to \(host)", message: "the database returned no slot")
        }
        return max(start, now)
    }

    /// Takes or renews `target`'s lease for `node` when it is free, expired or already `node`'s; false
    /// while another node holds it (or the target is not registered). One statement, so two nodes
    /// asking at once cannot both win.
    public func claimPushTarget(_ target: String, node: String, now: Date, lease: TimeInterval) throws(StoreError) -> Bool {
        let rows = try pool.withConnection { (connection) throws(StoreError) -> [PostgresRow] in
            try connection.query("""
                UPDATE push_cursor SET lease_node = $1, lease_until = $2
                WHERE target = $3 AND (lease_node IS NULL OR lease_node = $1 OR lease_until IS NULL OR lease_until <= $4)
                RETURNING target
                """, [node, now.addingTimeInterval(lease), target, now], operation: "claim push target \(target)")
        }
        return !rows.isEmpty
    }
}

/// One source row's lease state, and the rule for whether a node may poll it now.
struct SourceLease: Equatable {
    var nextDue: Date?
    var holder: String?
    var until: Date?

    enum Decision: Equatable {
        case claim
        case deferred(until: Date)
    }

    /// Claim when the source is due (no `next_due`, or reached) and its lease is free, expired or
    /// `node`'s own; otherwise look again at the later of `next_due` and the other node's lease end.
    func decision(for node: String, now: Date) -> Decision {
        let heldByOther = holder != nil && holder != node && (until.map { $0 > now } ?? false)
        let due = nextDue.map { $0 <= now } ?? true
        if due && !heldByOther { return .claim }
        var retry = now
        if let nextDue, nextDue > retry { retry = nextDue }
        if heldByOther, let until, until > retry { retry = until }
        return .deferred(until: retry)
    }
}
