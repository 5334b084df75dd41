import DocWatchCore
import DocWatchStore

/// A stored version as a diff compares it, read from PostgreSQL (SQLite's `VersionSnapshots.load`; the
/// assembling is shared: `VersionSnapshots.snapshot`).
enum PostgresVersionSnapshots {
    static func load(_ connection: PostgresConnection, versionID: Int64) throws(StoreError) -> DocumentSnapshot? {
        let operation = "read version \(versionID) for its diff"
        guard let row = try connection.query("SELECT \(VersionSnapshots.versionColumns) FROM version WHERE id = $1", [versionID],
                                             operation: operation).first
        else { return nil }
        var fields: [ComparedField: String] = [:]
        for field in ComparedField.allCases { fields[field] = row.string(field.column) }
        let facts = try connection.query("SELECT kind, text FROM fact WHERE version = $1 ORDER BY \"offset\", id", [versionID],
                                         operation: operation).map { (kind: $0.string("kind") ?? "", text: $0.string("text") ?? "") }
        let attachments = try connection.query("SELECT name, text FROM attachment WHERE version = $1 ORDER BY position", [versionID],
                                               operation: operation).map { (name: $0.string("name") ?? "", text: $0.string("text") ?? "") }
        return VersionSnapshots.snapshot(fields: fields, text: row.string("text") ?? "", attachments: attachments, facts: facts)
    }
}
