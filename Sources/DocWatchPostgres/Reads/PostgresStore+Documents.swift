import DocWatchCore
import DocWatchStore
import Foundation

extension PostgresStore {
    /// The document with this id, or stored under this URL (canonical or as given).
    public func document(_ reference: String) throws(StoreError) -> DocumentDetail? {
        let operation = "read document \(reference)"
        return try read(operation) { connection throws(StoreError) -> DocumentDetail? in
            let documentRow: PostgresRow?
            if let id = Int64(reference) {
                documentRow = try connection.query("SELECT * FROM document WHERE id = $1", [id], operation: operation).first
            } else {
                let canonical = CanonicalURL.canonicalize(reference) ?? reference
                documentRow = try connection.query("SELECT * FROM document WHERE url IN ($1, $2) ORDER BY id LIMIT 1",
                                                   [canonical, reference], operation: operation).first
            }
            guard let row = documentRow, let id = row.int64("id"), let versionID = row.int64("current_version"),
                  let version = try connection.query("SELECT * FROM version WHERE id = $1", [versionID], operation: operation).first
            else { return nil }
            let facts = try connection.query("SELECT data FROM fact WHERE version = $1 ORDER BY \"offset\", id", [versionID],
                                             operation: operation).compactMap { JSONText.decode(Fact.self, $0.string("data")) }
            let versions = try connection.query(
                "SELECT number, content_hash, raw_hash, fetched_at, title FROM version WHERE document = $1 ORDER BY number",
                [id], operation: operation).map(StoreRows.versionSummary)
            let near = try connection.query("""
                SELECT n.other, n.distance, n.overlap, d.url FROM near_duplicate n JOIN document d ON d.id = n.other
                WHERE n.document = $1 ORDER BY n.distance, n.other
                """, [id], operation: operation).map(StoreRows.nearDuplicate)
            let attachments = try connection.query(
                "SELECT url, name, type, chars FROM attachment WHERE version = $1 ORDER BY position", [versionID],
                operation: operation).map(StoreRows.attachmentSummary)
            return StoreRows.documentDetail(
                row, current: StoreRows.extracted(version, facts: facts), currentVersion: version.int("number") ?? 0,
                versions: versions, nearDuplicates: near, attachments: attachments)
        }
    }

    /// Version `number` of a document as a diff compares it, or nil when there is no such version.
    public func versionSnapshot(document: Int64, number: Int) throws(StoreError) -> DocumentSnapshot? {
        let operation = "read version \(number) of document \(document)"
        return try read(operation) { connection throws(StoreError) -> DocumentSnapshot? in
            guard let id = try connection.query("SELECT id FROM version WHERE document = $1 AND number = $2", [document, number],
                                                operation: operation).first?.int64("id") else { return nil }
            return try PostgresSnapshots.load(connection, versionID: id)
        }
    }
}

/// What a diff compares of a stored version, read on PostgreSQL (the SQLite backend's `VersionSnapshots`).
enum PostgresSnapshots {
    /// The version's compared fields, text with its attachments, and facts; nil when there is no such version.
    static func load(_ connection: PostgresConnection, versionID: Int64) throws(StoreError) -> DocumentSnapshot? {
        let operation = "read version \(versionID)"
        let columns = ComparedField.allCases.map { "\"\($0.column)\"" }.joined(separator: ", ")
        guard let row = try connection.query("SELECT \(columns), text FROM version WHERE id = $1", [versionID], operation: operation).first
        else { return nil }
        let facts = try connection.query("SELECT kind, text FROM fact WHERE version = $1 ORDER BY \"offset\", id", [versionID],
                                         operation: operation).map { (kind: $0.string("kind") ?? "", text: $0.string("text") ?? "") }
        let attachments = try connection.query("SELECT name, text FROM attachment WHERE version = $1 ORDER BY position", [versionID],
                                               operation: operation).map { (name: $0.string("name") ?? "", text: $0.string("text") ?? "") }
        return StoreRows.snapshot(row, attachments: attachments, facts: facts)
    }
}
