import DocWatchCore
import DocWatchStore
import Foundation

extension PostgresStore {
    /// Applies `plan` in one transaction, counting as the SQLite backend does; `dryRun` rolls the work back
    /// (to a savepoint), so the counts are exactly what a real prune would free. Facts and attachments of
    /// deleted versions go with them (cascade); documents, current versions and search rows stay.
    public func prune(_ plan: StorePrunePlan, dryRun: Bool) throws(StoreError) -> StorePruneResult {
        let operation = "prune the store"
        return try pool.transaction(operation) { connection throws(StoreError) -> StorePruneResult in
            try connection.script("SAVEPOINT prune", operation: operation)
            let result = try Self.prune(plan, connection, operation: operation)
            if dryRun { try connection.script("ROLLBACK TO SAVEPOINT prune", operation: operation) }
            return result
        }
    }

    private static func prune(_ plan: StorePrunePlan, _ connection: PostgresConnection, operation: String) throws(StoreError) -> StorePruneResult {
        var result = StorePruneResult()
        if let keep = plan.keepVersions {
            let rows = try connection.query("""
                SELECT v.document, v.id, v.number, v.raw_hash, CASE WHEN v.id = d.current_version THEN 1 ELSE 0 END AS current
                FROM version v JOIN document d ON d.id = v.document
                WHERE v.document IN (SELECT document FROM version GROUP BY document HAVING count(*) > $1)
                ORDER BY v.document
                """, [keep], operation: operation)
            let doomed = PrunableVersion.doomed(rows.map(PrunableVersion.init), keep: keep)
            if !doomed.isEmpty {
                try connection.query("DELETE FROM version WHERE id = ANY($1::bigint[])", [PostgresTextArray(doomed.map { String($0.id) })],
                                     operation: operation)
                result.versions = doomed.count
                // Bodies no remaining version refers to go with their bytes.
                let freed = try connection.query("""
                    DELETE FROM body b WHERE b.raw_hash = ANY($1::text[])
                    AND NOT EXISTS (SELECT 1 FROM version v WHERE v.raw_hash = b.raw_hash)
                    RETURNING length(b.data) AS size
                    """, [PostgresTextArray(Set(doomed.map(\.rawHash)).sorted())], operation: operation)
                result.bodies += freed.count
                result.bodyBytes += freed.reduce(0) { $0 + ($1.int64("size") ?? 0) }
            }
        }
        if let before = plan.rawBefore {
            let condition = """
                length(data) > 0 AND raw_hash IN (
                    SELECT raw_hash FROM version GROUP BY raw_hash HAVING max(fetched_at) < $1)
                """
            let row = try connection.query("SELECT count(*) AS n, COALESCE(sum(length(data)), 0) AS size FROM body WHERE \(condition)",
                                           [before], operation: operation).first
            result.bodies += row?.int("n") ?? 0
            result.bodyBytes += row?.int64("size") ?? 0
            try connection.query("UPDATE body SET data = ''::bytea WHERE \(condition)", [before], operation: operation)
        }
        if let before = plan.outboxBefore {
            // A push target still owed an event keeps it: nothing past the lowest push cursor goes.
            result.outboxRows = try count(connection, deleting: """
                DELETE FROM outbox WHERE delivered = 1 AND time < $1
                AND seq <= COALESCE((SELECT MIN(seq) FROM push_cursor), seq) RETURNING 1
                """, before, operation: operation)
        }
        if let before = plan.fetchLogBefore {
            result.fetchLogRows = try count(connection, deleting: "DELETE FROM fetch_log WHERE time < $1 RETURNING 1", before,
                                            operation: operation)
            // A host no daemon has reserved a start to since then has no gap left to keep.
            try connection.query("DELETE FROM host_slot WHERE next_start < $1", [before], operation: operation)
        }
        return result
    }

    /// Runs a `DELETE … RETURNING 1` and counts its rows on the server.
    private static func count(_ connection: PostgresConnection, deleting sql: String, _ before: Date, operation: String) throws(StoreError) -> Int {
        try connection.query("WITH deleted AS (\(sql)) SELECT count(*) AS n FROM deleted", [before], operation: operation)
            .first?.int("n") ?? 0
    }
}
