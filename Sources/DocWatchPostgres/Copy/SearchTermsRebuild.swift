import DocWatchStore

/// Fills `document_search` from the stored versions, as `store` indexes them: each document that is not
/// a duplicate, by its current version's Simplified title and text followed by its attachments' text.
enum SearchTermsRebuild {
    /// Indexes every such document, 200 at a time; returns how many.
    static func run(_ connection: PostgresConnection) throws(StoreError) -> Int {
        var after: Int64 = 0
        var indexed = 0
        while true {
            let documents = try connection.query("""
                SELECT d.id, v.id AS version, v.title_simplified, v.text_simplified
                FROM document d JOIN version v ON v.id = d.current_version
                WHERE d.duplicate_of IS NULL AND d.id > $1 ORDER BY d.id LIMIT 200
                """, [after], operation: "read the current versions")
            guard let last = documents.last?.int64("id") else { return indexed }
            let versions = PostgresTextArray(documents.compactMap { $0.string("version") })
            var attachments: [Int64: [String]] = [:]
            for row in try connection.query("""
                SELECT version, text_simplified FROM attachment WHERE version = ANY($1::bigint[]) ORDER BY version, position
                """, [versions], operation: "read the current attachments") {
                guard let version = row.int64("version") else { continue }
                attachments[version, default: []].append(row.string("text_simplified") ?? "")
            }
            for row in documents {
                guard let id = row.int64("id"), let version = row.int64("version") else { continue }
                let text = AttachmentContentRules.indexedText(page: row.string("text_simplified") ?? "", attachments: attachments[version] ?? [])
                try PostgresSearchIndex.replace(connection, document: id, title: row.string("title_simplified") ?? "", text: text)
                indexed += 1
            }
            after = last
        }
    }
}
