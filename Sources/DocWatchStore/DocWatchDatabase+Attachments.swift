import DocWatchCore
import GRDB

/// What `show` lists of an attachment.
public struct AttachmentSummary: Sendable, Equatable, Codable {
    public var url: String
    public var name: String
    public var type: String
    public var chars: Int
}

/// The `attachment` table: rows of one version, in link order.
enum AttachmentRows {
    static func insert(_ db: Database, version: Int64, _ attachments: [AttachmentRecord]) throws {
        for (position, attachment) in attachments.enumerated() {
            try db.execute(sql: """
                INSERT INTO attachment (version, position, url, name, type, sha256, text, text_simplified, chars, etag, last_modified)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [version, position, attachment.url, attachment.name, attachment.type.rawValue, attachment.sha256,
                                 attachment.text, attachment.textSimplified, attachment.chars, attachment.etag,
                                 attachment.lastModified])
            let attachmentID = db.lastInsertedRowID
            for fact in attachment.facts {
                try db.cachedStatement(sql: "INSERT INTO fact (version, kind, text, \"offset\", data, attachment) VALUES (?, ?, ?, ?, ?, ?)")
                    .execute(arguments: [version, fact.kind.rawValue, fact.text, fact.offset, JSONText.encode(fact), attachmentID])
            }
        }
    }

    /// The attachments of `version`, facts included, in link order.
    static func load(_ db: Database, version: Int64) throws -> [AttachmentRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM attachment WHERE version = ? ORDER BY position", arguments: [version]).map { row in
            let id: Int64 = row["id"]
            let facts = try String.fetchAll(db, sql: "SELECT data FROM fact WHERE attachment = ? ORDER BY \"offset\", id", arguments: [id])
                .compactMap { JSONText.decode(Fact.self, $0) }
            return AttachmentRecord(
                url: row["url"], name: row["name"], type: AttachmentType(rawValue: row["type"]) ?? .pdf, sha256: row["sha256"],
                text: row["text"], textSimplified: row["text_simplified"], facts: facts, etag: row["etag"],
                lastModified: row["last_modified"])
        }
    }

    /// Names and texts of `version`'s attachments, for the diff.
    static func named(_ db: Database, version: Int64) throws -> [(name: String, text: String)] {
        try Row.fetchAll(db, sql: "SELECT name, text FROM attachment WHERE version = ? ORDER BY position", arguments: [version])
            .map { ($0["name"], $0["text"]) }
    }

    /// Texts of `version`'s attachments, for search snippets.
    static func texts(_ db: Database, version: Int64) throws -> [(text: String, simplified: String)] {
        try Row.fetchAll(db, sql: "SELECT text, text_simplified FROM attachment WHERE version = ? ORDER BY position", arguments: [version])
            .map { ($0["text"], $0["text_simplified"]) }
    }

    static func summaries(_ db: Database, version: Int64) throws -> [AttachmentSummary] {
        try Row.fetchAll(db, sql: "SELECT url, name, type, chars FROM attachment WHERE version = ? ORDER BY position", arguments: [version])
            .map(StoreRows.attachmentSummary)
    }

    /// Keeps the validators of the current version's attachments fresh when the version is unchanged.
    static func refreshValidators(_ db: Database, document: Int64, _ attachments: [AttachmentRecord]) throws {
        for attachment in attachments {
            try db.execute(sql: """
                UPDATE attachment SET etag = ?, last_modified = ?
                WHERE url = ? AND version = (SELECT current_version FROM document WHERE id = ?)
                """, arguments: [attachment.etag, attachment.lastModified, attachment.url, document])
        }
    }
}

extension DocWatchDatabase {
    /// The attachments of a document's current version (for conditional re-fetching); empty for an
    /// unknown document.
    public func currentAttachments(document: Int64) throws(StoreError) -> [AttachmentRecord] {
        try read("read the attachments of document \(document)") { db in
            guard let version = try Int64.fetchOne(db, sql: "SELECT current_version FROM document WHERE id = ?", arguments: [document])
            else { return [] }
            return try AttachmentRows.load(db, version: version)
        }
    }
}
