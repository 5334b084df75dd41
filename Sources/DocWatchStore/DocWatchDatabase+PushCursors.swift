import DocWatchCore
import Foundation
import GRDB

/// Which outbox events one push target wants; nil fields let everything through.
public struct PushFilter: Sendable, Equatable {
    public var types: Set<ChangeEventType>?
    /// Source ids (the target's `sources` and the sources carrying one of its `tags`, resolved by the caller).
    public var sources: Set<String>?

    public init(types: Set<ChangeEventType>? = nil, sources: Set<String>? = nil) {
        self.types = types
        self.sources = sources
    }
}

/// The next events one push target should get, and how far the outbox was looked at.
public struct PushBatch: Sendable, Equatable {
    /// Matching events after the cursor, oldest first.
    public var events: [OutboxEvent]
    /// Once every event is delivered, the cursor may move here: past the events the filter skipped.
    public var scannedThrough: Int64

    /// The batch read after `cursor` with at most `limit` events while the outbox's newest seq was `newest`:
    /// a full batch may move the cursor only to its last event, a short one past everything filtered out.
    package init(events: [OutboxEvent], limit: Int, cursor: Int64, newest: Int64) {
        self.events = events
        scannedThrough = events.count == limit ? (events.last?.event.seq ?? cursor) : max(cursor, newest)
    }
}

/// Where one push target stands.
public struct PushCursorState: Sendable, Equatable {
    public var target: String
    /// The last event handed over (or skipped by its filter).
    public var seq: Int64
    /// Outbox events after `seq`, whether or not the target's filter wants them.
    public var backlog: Int

    public init(target: String, seq: Int64, backlog: Int) {
        self.target = target
        self.seq = seq
        self.backlog = backlog
    }
}

extension DocWatchDatabase {
    /// Makes the stored cursors match the configured targets: a new target starts at the newest event
    /// in the outbox (it gets what is written from now on, not the history); cursors of targets no
    /// longer configured are dropped. Returns every configured target's cursor.
    @discardableResult
    public func syncPushTargets(_ ids: [String], now: Date = Date()) throws(StoreError) -> [String: Int64] {
        try write("register push targets") { db in
            let newest = try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM outbox") ?? 0
            let keep = Set(ids)
            for target in try String.fetchAll(db, sql: "SELECT target FROM push_cursor") where !keep.contains(target) {
                try db.execute(sql: "DELETE FROM push_cursor WHERE target = ?", arguments: [target])
            }
            for id in ids {
                try db.execute(sql: "INSERT OR IGNORE INTO push_cursor (target, seq, added) VALUES (?, ?, ?)",
                               arguments: [id, newest, now])
            }
            var cursors: [String: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT target, seq FROM push_cursor") {
                cursors[row["target"]] = row["seq"]
            }
            return cursors
        }
    }

    /// Up to `limit` events after `cursor` that pass `filter`, oldest first, read in one transaction.
    public func pushBatch(after cursor: Int64, filter: PushFilter, limit: Int = 50) throws(StoreError) -> PushBatch {
        try read("read events to push") { db in
            let newest = try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM outbox") ?? 0
            var sql = "SELECT * FROM outbox WHERE seq > ? AND seq <= ?"
            var arguments: StatementArguments = [cursor, newest]
            if let types = filter.types {
                sql += " AND type IN (\(types.map { _ in "?" }.joined(separator: ",")))"
                _ = arguments.append(contentsOf: StatementArguments(types.map(\.rawValue).sorted()))
            }
            if let sources = filter.sources {
                sql += " AND source IN (\(sources.map { _ in "?" }.joined(separator: ",")))"
                _ = arguments.append(contentsOf: StatementArguments(sources.sorted()))
            }
            sql += " ORDER BY seq LIMIT ?"
            _ = arguments.append(contentsOf: [limit])
            let events = try Row.fetchAll(db, sql: sql, arguments: arguments).map(Outbox.decode)
            return PushBatch(events: events, limit: limit, cursor: cursor, newest: newest)
        }
    }

    /// Moves a target's cursor forward to `seq` (never back).
    public func advancePushCursor(target: String, to seq: Int64) throws(StoreError) {
        try write("advance a push cursor") { db in
            try db.execute(sql: "UPDATE push_cursor SET seq = ? WHERE target = ? AND seq < ?", arguments: [seq, target, seq])
        }
    }

    /// Every target's cursor and how many outbox events lie after it.
    public func pushBacklogs() throws(StoreError) -> [PushCursorState] {
        try read("read push backlogs") { db in
            try Row.fetchAll(db, sql: """
                SELECT target, seq, (SELECT COUNT(*) FROM outbox WHERE outbox.seq > push_cursor.seq) AS backlog
                FROM push_cursor ORDER BY target
                """).map(StoreRows.pushCursorState)
        }
    }

    /// The lowest push cursor, or nil with no targets: outbox rows above it are still owed to a
    /// target, so pruning the outbox must keep every row with a larger `seq`.
    public func oldestPushCursor() throws(StoreError) -> Int64? {
        try read("read the oldest push cursor") { db in
            try Int64.fetchOne(db, sql: "SELECT MIN(seq) FROM push_cursor")
        }
    }
}
