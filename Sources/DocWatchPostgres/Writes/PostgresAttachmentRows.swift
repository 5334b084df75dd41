import DocWatchCore
import DocWatchStore

/// The `attachment` and `fact` rows of one version (SQLite's `AttachmentRows` and the fact inserts of
/// its `VersionWriter`).
enum PostgresAttachmentRows {
    static func insert(_ connection: PostgresConnection, version: Int64, _ attachments: [AttachmentRecord]) throws(StoreError) {
        for (position, attachment) in attachments.enumerated() {
            let rows = try connection.query("""
                INSERT INTO attachment (version, position, url, name, type, sha256, text, text_simplified, chars, etag, last_modified)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                RETURNING id
                """, [version, position, attachment.url, attachment.name, attachment.type.rawValue, attachment.sha256,
                      attachment.text, attachment.textSimplified, attachment.chars, attachment.etag, attachment.lastModified],
                operation: "store the attachment \(attachment.url)")
            guard let id = rows.first?.int64("id") else {
                throw StoreError(operation: "store the attachment \(attachment.url)", message: "no id returned")
            }
            try insertFacts(connection, attachment.facts, version: version, attachment: id)
        }
    }

    /// `facts` of `version` (of one of its attachments when given), in one statement, ids in list order.
    static func insertFacts(_ connection: PostgresConnection, _ facts: [Fact], version: Int64, attachment: Int64? = nil) throws(StoreError) {
        guard !facts.isEmpty else { return }
        try connection.query("""
            INSERT INTO fact (version, kind, text, "offset", data, attachment)
            SELECT $1, f.kind, f.text, f.at, f.data, $6::bigint
            FROM unnest($2::text[], $3::text[], $4::integer[], $5::text[]) WITH ORDINALITY AS f(kind, text, at, data, n)
            ORDER BY f.n
            """, [version, PostgresTextArray(facts.map(\.kind.rawValue)), PostgresTextArray(facts.map(\.text)),
                  PostgresTextArray(facts.map { String($0.offset) }), PostgresTextArray(facts.map { JSONText.encode($0) }), attachment],
            operation: "store the facts of version \(version)")
    }

    /// The attachments of `version`, facts included, in link order.
    static func load(_ connection: PostgresConnection, version: Int64) throws(StoreError) -> [AttachmentRecord] {
        let operation = "read the attachments of version \(version)"
        let rows = try connection.query("SELECT * FROM attachment WHERE version = $1 ORDER BY position", [version], operation: operation)
        let facts = try connection.query("""
            SELECT attachment, data FROM fact WHERE version = $1 AND attachment IS NOT NULL ORDER BY "offset", id
            """, [version], operation: operation)
        var factsByAttachment: [Int64: [Fact]] = [:]
        for row in facts {
            guard let attachment = row.int64("attachment"), let fact = JSONText.decode(Fact.self, row.string("data")) else { continue }
            factsByAttachment[attachment, default: []].append(fact)
        }
        return rows.map { row in
            AttachmentRecord(
                url: row.string("url") ?? "", name: row.string("name") ?? "",
                type: AttachmentType(rawValue: row.string("type") ?? "") ?? .pdf, sha256: row.string("sha256") ?? "",
                text: row.string("text") ?? "", textSimplified: row.string("text_simplified") ?? "",
                facts: row.int64("id").flatMap { factsByAttachment[$0] } ?? [], etag: row.string("etag"),
                lastModified: row.string("last_modified"))
        }
    }

    /// Keeps the validators of the current version's attachments fresh when the version is unchanged.
    static func refreshValidators(_ connection: PostgresConnection, document: Int64, _ attachments: [AttachmentRecord]) throws(StoreError) {
        for attachment in attachments {
            try connection.query("""
                UPDATE attachment SET etag = $1, last_modified = $2
                WHERE url = $3 AND version = (SELECT current_version FROM document WHERE id = $4)
                """, [attachment.etag, attachment.lastModified, attachment.url, document],
                operation: "refresh the validators of \(attachment.url)")
        }
    }
}
