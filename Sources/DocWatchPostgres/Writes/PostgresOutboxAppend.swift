import DocWatchCore
import DocWatchStore
import Foundation

/// Outbox rows, written in the same transaction as the change they describe (SQLite's `Outbox.append`).
///
/// `node` stays NULL: the node that drains the outbox claims the row then, so an event is written by
/// whichever daemon drains first, not by the one that stored the version.
enum PostgresOutboxAppend {
    static func append(
        _ connection: PostgresConnection, time: Date, type: ChangeEventType, source: String, url: String? = nil,
        document: Int64? = nil, version: Int? = nil, contentHash: String? = nil, previousHash: String? = nil,
        title: String? = nil, published: String? = nil, diff: ChangeEvent.DiffSummary? = nil, diffText: String? = nil,
        error: String? = nil
    ) throws(StoreError) -> Int64 {
        let rows = try connection.query("""
            INSERT INTO outbox (time, type, source, url, document, version, content_hash, previous_hash, title,
                                published, diff_added, diff_removed, diff, diff_detail, error)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
            RETURNING seq
            """, [time, type.rawValue, source, url, document, version, contentHash, previousHash, title, published,
                  diff?.added, diff?.removed, diffText, diff.map(JSONText.encode), error],
            operation: "write the \(type.rawValue) event of \(url ?? source)")
        guard let seq = rows.first?.int64("seq") else {
            throw StoreError(operation: "write the \(type.rawValue) event of \(url ?? source)", message: "the outbox returned no seq")
        }
        return seq
    }
}
