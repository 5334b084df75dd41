import DocWatchCore
import Foundation
import GRDB

/// A change event waiting in (or delivered from) the outbox, with its diff text when it has one.
public struct OutboxEvent: Sendable, Equatable {
    public var event: ChangeEvent
    /// The unified diff to write beside the event (`document.changed` only).
    public var diffText: String?
}

/// Outbox rows are written in the same transaction as the change they describe.
package enum Outbox {
    static func append(
        _ db: Database, time: Date, type: ChangeEventType, source: String, url: String? = nil, document: Int64? = nil,
        version: Int? = nil, contentHash: String? = nil, previousHash: String? = nil, title: String? = nil,
        published: String? = nil, diff: ChangeEvent.DiffSummary? = nil, diffText: String? = nil, error: String? = nil
    ) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO outbox (time, type, source, url, document, version, content_hash, previous_hash, title,
                                published, diff_added, diff_removed, diff, diff_detail, error)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [StoredDate(time), type.rawValue, source, url, document, version, contentHash, previousHash, title,
                             published, diff?.added, diff?.removed, diffText, diff.map(JSONText.encode), error])
        return db.lastInsertedRowID
    }

    /// An `outbox` row as the event it records (both backends: same columns).
    package static func decode(_ row: some StoreRow) -> OutboxEvent {
        let seq = row.integer("seq") ?? 0
        let added = row.int("diff_added")
        let removed = row.int("diff_removed")
        var event = ChangeEvent(
            seq: seq, time: Timestamp.utc(row.date("time") ?? .distantPast),
            type: row.text("type").flatMap(ChangeEventType.init(rawValue:)) ?? .documentChanged,
            source: row.text("source") ?? "", url: row.text("url"), document: row.integer("document"), version: row.int("version"),
            contentHash: row.text("content_hash"), previousHash: row.text("previous_hash"), title: row.text("title"),
            published: row.text("published"), error: row.text("error"))
        if let added, let removed {
            // Rows written before `diff_detail` existed have sizes only.
            var summary = JSONText.decode(ChangeEvent.DiffSummary.self, row.text("diff_detail"))
                ?? .init(added: added, removed: removed, file: "")
            summary.file = "diffs/\(event.time.prefix(10))/\(seq).diff"
            event.diff = summary
        }
        return OutboxEvent(event: event, diffText: row.text("diff"))
    }
}

extension DocWatchDatabase {
    /// Undelivered events, oldest first.
    public func pendingEvents(limit: Int = 500) throws(StoreError) -> [OutboxEvent] {
        try read("read the outbox") { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM outbox WHERE delivered = 0 ORDER BY seq LIMIT ?"), arguments: [limit])
                .map(Outbox.decode)
        }
    }

    /// Marks every event up to and including `seq` delivered.
    public func markDelivered(through seq: Int64) throws(StoreError) {
        try write("mark events delivered") { db in
            try db.cachedStatement(sql: "UPDATE outbox SET delivered = 1 WHERE delivered = 0 AND seq <= ?").execute(arguments: [seq])
        }
    }
}
