import DocWatchCore
import GRDB

/// What a diff compares of a stored version: its `ComparedField` columns, its text and its facts.
package enum VersionSnapshots {
    static func load(_ db: Database, versionID: Int64) throws -> DocumentSnapshot? {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(versionColumns) FROM version WHERE id = ?", arguments: [versionID])
        else { return nil }
        var fields: [ComparedField: String] = [:]
        for field in ComparedField.allCases { fields[field] = row[field.column] }
        let facts = try Row.fetchAll(db, sql: "SELECT kind, text FROM fact WHERE version = ? ORDER BY \"offset\", id", arguments: [versionID]).map { (kind: $0["kind"] as String, text: $0["text"] as String) }
        return snapshot(fields: fields, text: row["text"] ?? "", attachments: try AttachmentRows.named(db, version: versionID), facts: facts)
    }

    /// The columns a snapshot reads of a `version` row (`ComparedField`s, then `text`), in both dialects.
    package static var versionColumns: String {
        (ComparedField.allCases.map { "\"\($0.column)\"" } + ["text"]).joined(separator: ", ")
    }

    /// A snapshot from a version's stored parts: the page text followed by its attachments' (in link
    /// order), the facts in offset order; an unknown fact kind is left out.
    package static func snapshot(
        fields: [ComparedField: String], text: String, attachments: [(name: String, text: String)], facts: [(kind: String, text: String)]
    ) -> DocumentSnapshot {
        let mentions = facts.compactMap { fact in Fact.Kind(rawValue: fact.kind).map { FactMention(kind: $0, text: fact.text) } }
        return DocumentSnapshot(fields: fields, text: AttachmentContentRules.comparedText(page: text, attachments: attachments), facts: mentions)
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
