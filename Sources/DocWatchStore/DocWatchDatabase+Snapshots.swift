import DocWatchCore
import GRDB

/// What a diff compares of a stored version: its `ComparedField` columns, its text and its facts.
package enum VersionSnapshots {
    static func load(_ db: Database, versionID: Int64) throws -> DocumentSnapshot? {
        let columns = ComparedField.allCases.map { "\"\($0.column)\"" }.joined(separator: ", ")
        guard let row = try Row.fetchOne(db, sql: "SELECT \(columns), text FROM version WHERE id = ?", arguments: [versionID])
        else { return nil }
        let facts = try Row.fetchAll(db, sql: "SELECT kind, text FROM fact WHERE version = ? ORDER BY \"offset\", id",
                                     arguments: [versionID]).map { (kind: $0["kind"] as String, text: $0["text"] as String) }
        return StoreRows.snapshot(row, attachments: try AttachmentRows.named(db, version: versionID), facts: facts)
    }

    /// The labels of a diff between two versions of the document at `url`.
    package static func label(_ url: String, version: Int) -> String {
        "\(url) version \(version)"
    }
}

extension DocWatchDatabase {
    /// Version `number` of a document as a diff compares it, or nil when there is no such version.
    public func versionSnapshot(document: Int64, number: Int) throws(StoreError) -> DocumentSnapshot? {
        try read("read version \(number) of document \(document)") { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM version WHERE document = ? AND number = ?",
                                              arguments: [document, number]) else { return nil }
            return try VersionSnapshots.load(db, versionID: id)
        }
    }
}
