import DocWatchCore
import DocWatchStore
import Foundation

/// The outbox on a database several daemons (nodes) share, each writing events to its own log directory.
///
/// Exactly once across the nodes comes from assigning each event to one node before anything is written:
/// `pendingEvents` first claims unclaimed, undelivered events for `node` in one statement
/// (`FOR UPDATE SKIP LOCKED`, so two nodes claiming at once take disjoint rows and never wait on each
/// other), and only then returns this node's claimed, undelivered events in `seq` order. An event is
/// claimed once and never handed to another node, so only its node ever writes it, into its own
/// directory; `markDelivered` marks only this node's events, so one node's progress says nothing about
/// another's.
///
/// A node that dies between claiming (or writing) and marking recovers on restart under the same node
/// name: the notifier's catch-up first marks delivered what its directory already holds, and the rest
/// come back from `pendingEvents` because they stay claimed by this node, so they are written by it,
/// once. (A node that never comes back leaves its claimed events undelivered; they show in
/// `outboxBacklog`.)
extension PostgresStore {
    /// This node's undelivered events, oldest first, after claiming unclaimed ones up to `limit` in all.
    public func pendingEvents(limit: Int) throws(StoreError) -> [OutboxEvent] {
        let operation = "read the outbox"
        // Not `write`: draining the outbox is no reason to flush queued poll recordings.
        return try pool.transaction(operation) { connection throws(StoreError) -> [OutboxEvent] in
            try connection.query("""
                UPDATE outbox SET node = $1 WHERE seq IN (
                    SELECT seq FROM outbox WHERE delivered = 0 AND node IS NULL ORDER BY seq
                    LIMIT GREATEST(0, $2::bigint - (SELECT count(*) FROM outbox WHERE delivered = 0 AND node = $1))
                    FOR UPDATE SKIP LOCKED)
                """, [node, Self.sqlLimit(limit) ?? Int(Int32.max)], operation: operation)
            return try connection.query("SELECT * FROM outbox WHERE delivered = 0 AND node = $1 ORDER BY seq LIMIT $2",
                                        [node, Self.sqlLimit(limit)], operation: operation).map(Outbox.decode)
        }
    }

    /// Marks this node's events up to and including `seq` delivered (never another node's).
    public func markDelivered(through seq: Int64) throws(StoreError) {
        try write("mark events delivered") { connection throws(StoreError) in
            _ = try connection.query("UPDATE outbox SET delivered = 1 WHERE delivered = 0 AND node = $1 AND seq <= $2", [node, seq],
                                 operation: "mark events delivered")
        }
    }

    /// Events not yet written to any log directory, whichever node holds them.
    public func outboxBacklog() throws(StoreError) -> Int {
        try read("count the outbox backlog") { connection throws(StoreError) in
            try connection.query("SELECT count(*) AS n FROM outbox WHERE delivered = 0", operation: "count the outbox backlog")
                .first?.int("n") ?? 0
        }
    }

    /// Moves the outbox's `seq` sequence past `seq` when it is behind; returns the highest seq the outbox
    /// had before (nil when it was already at or past `seq`). The identity sequence plays the part of
    /// SQLite's `sqlite_sequence` row: its last value handed out counts even if that row is gone.
    public func advanceOutboxSequence(past seq: Int64) throws(StoreError) -> Int64? {
        let operation = "advance the outbox sequence past \(seq)"
        return try write(operation) { connection throws(StoreError) -> Int64? in
            guard let sequence = try connection.query("SELECT pg_get_serial_sequence('outbox', 'seq') AS name", operation: operation)
                .first?.string("name") else {
                throw StoreError(operation: operation, message: "the outbox has no sequence")
            }
            let row = try connection.query("""
                SELECT (SELECT COALESCE(MAX(seq), 0) FROM outbox) AS highest_row,
                       CASE WHEN is_called THEN last_value ELSE last_value - 1 END AS recorded
                FROM \(sequence)
                """, operation: operation).first
            let highest = max(row?.int64("highest_row") ?? 0, row?.int64("recorded") ?? 0)
            guard seq > highest else { return nil }
            try connection.query("SELECT setval($1::regclass, $2, true)", [sequence, seq], operation: operation)
            return highest
        }
    }

    /// Events with `seq > after`, delivered or not and whichever node wrote them, oldest first.
    public func events(after seq: Int64, limit: Int) throws(StoreError) -> [OutboxEvent] {
        try read("read the outbox") { connection throws(StoreError) in
            try connection.query("SELECT * FROM outbox WHERE seq > $1 ORDER BY seq LIMIT $2", [seq, Self.sqlLimit(limit)],
                                 operation: "read the outbox").map(Outbox.decode)
        }
    }
}
