import DocWatchCore
import DocWatchStore
import Foundation

/// Outbox rows, written in the same transaction as the change they describe (SQLite's `Outbox.append`).
///
/// `node` stays NULL: the node that drains the outbox claims the row then, so an event is written by
/// whichever daemon drains first, not by the one that stored the version.
///
/// Events commit in `seq` order: the insert first takes a transaction-scoped advisory lock, held to the
/// commit, so a transaction that draws seq 11 cannot commit before the one holding seq 10. Without it a
/// drain could write 11, then 10 (out of order in the change file), and the notifier's catch-up, which
/// marks everything up to the last seq in the file, could mark 10 delivered unwritten; `pushBatch` and
/// `changes --follow` could move past 10 for good. SQLite's single writer gives this order for free.
enum PostgresOutboxAppend {
    /// The advisory lock key of outbox appends ("outbox" in ASCII).
    static let orderLock: Int64 = 0x6F75_7462_6F78
    static func append(
        _ connection: PostgresConnection, time: Date, type: ChangeEventType, source: String, url: String? = nil,
        document: Int64? = nil, version: Int? = nil, contentHash: String? = nil, previousHash: String? = nil,
        title: String? = nil, published: String? = nil, diff: ChangeEvent.DiffSummary? = nil, diffText: String? = nil,
        error: String? = nil
    ) throws(StoreError) -> Int64 {
        let rows = try connection.query("""
            INSERT INTO outbox (time, type, source, url, document, version, content_hash, previous_hash, title,
                                published, diff_added, diff_removed, diff, diff_detail, error)
            SELECT $1::timestamptz, $2::text, $3::text, $4::text, $5::bigint, $6::integer, $7::text, $8::text, $9::text,
                   $10::text, $11::integer, $12::integer, $13::text, $14::text, $15::text
            FROM (SELECT pg_advisory_xact_lock($16::bigint)) AS commit_in_seq_order
            RETURNING seq
            """, [time, type.rawValue, source, url, document, version, contentHash, previousHash, title, published,
                  diff?.added, diff?.removed, diffText, diff.map(JSONText.encode), error, Self.orderLock],
            operation: "write the \(type.rawValue) event of \(url ?? source)")
        guard let seq = rows.first?.int64("seq") else {
            throw StoreError(operation: "write the \(type.rawValue) event of \(url ?? source)", message: "the outbox returned no seq")
        }
        return seq
    }
}
