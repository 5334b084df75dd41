import DocWatchCore
import DocWatchStore
import Foundation

extension PostgresStore {
    /// Makes the stored cursors match the configured targets: a new target starts at the newest event in
    /// the outbox; cursors of targets no longer configured are dropped. Returns every configured target's cursor.
    public func syncPushTargets(_ ids: [String], now: Date) throws(StoreError) -> [String: Int64] {
        let operation = "register push targets"
        return try write(operation) { connection throws(StoreError) -> [String: Int64] in
            let newest = try connection.query("SELECT COALESCE(MAX(seq), 0) AS seq FROM outbox", operation: operation)
                .first?.int64("seq") ?? 0
            try connection.query("DELETE FROM push_cursor WHERE NOT (target = ANY($1::text[]))", [PostgresTextArray(ids)],
                                 operation: operation)
            for id in ids {
                try connection.query("INSERT INTO push_cursor (target, seq, added) VALUES ($1, $2, $3) ON CONFLICT (target) DO NOTHING",
                                     [id, newest, now], operation: operation)
            }
            var cursors: [String: Int64] = [:]
            for row in try connection.query("SELECT target, seq FROM push_cursor", operation: operation) {
                if let target = row.string("target"), let seq = row.int64("seq") { cursors[target] = seq }
            }
            return cursors
        }
    }

    /// Up to `limit` events after `cursor` that pass `filter`, oldest first, read in one snapshot.
    public func pushBatch(after cursor: Int64, filter: PushFilter, limit: Int) throws(StoreError) -> PushBatch {
        let operation = "read events to push"
        return try read(operation) { connection throws(StoreError) -> PushBatch in
            let newest = try connection.query("SELECT COALESCE(MAX(seq), 0) AS seq FROM outbox", operation: operation)
                .first?.int64("seq") ?? 0
            var sql = "SELECT * FROM outbox WHERE seq > $1 AND seq <= $2"
            var parameters: [any PostgresBindable] = [cursor, newest]
            if let types = filter.types {
                parameters.append(PostgresTextArray(types.map(\.rawValue).sorted()))
                sql += " AND type = ANY($\(parameters.count)::text[])"
            }
            if let sources = filter.sources {
                parameters.append(PostgresTextArray(sources.sorted()))
                sql += " AND source = ANY($\(parameters.count)::text[])"
            }
            parameters.append(Self.sqlLimit(limit))
            sql += " ORDER BY seq LIMIT $\(parameters.count)"
            let events = try connection.query(sql, parameters, operation: operation).map(Outbox.decode)
            return PushBatch(events: events, limit: limit, cursor: cursor, newest: newest)
        }
    }

    /// Moves a target's cursor forward to `seq` (never back).
    public func advancePushCursor(target: String, to seq: Int64) throws(StoreError) {
        try write("advance a push cursor") { connection throws(StoreError) in
            _ = try connection.query("UPDATE push_cursor SET seq = $1 WHERE target = $2 AND seq < $1", [seq, target],
                                 operation: "advance a push cursor")
        }
    }

    /// Every target's cursor and how many outbox events lie after it.
    public func pushBacklogs() throws(StoreError) -> [PushCursorState] {
        try read("read push backlogs") { connection throws(StoreError) in
            try connection.query("""
                SELECT target, seq, (SELECT COUNT(*) FROM outbox WHERE outbox.seq > push_cursor.seq) AS backlog
                FROM push_cursor ORDER BY target COLLATE "C"
                """, operation: "read push backlogs").map(StoreRows.pushCursorState)
        }
    }

    /// The lowest push cursor, or nil with no targets (outbox rows above it are still owed to a target).
    public func oldestPushCursor() throws(StoreError) -> Int64? {
        try read("read the oldest push cursor") { connection throws(StoreError) in
            try connection.query("SELECT MIN(seq) AS seq FROM push_cursor", operation: "read the oldest push cursor").first?.int64("seq")
        }
    }
}
