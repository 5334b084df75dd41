import DocWatchStore

/// The `document_search` row of a document: the same bigram tokens the SQLite backend's FTS5 table
/// holds (`SearchTokenizer.indexText`), as a `tsvector` in the `simple` configuration with the title
/// weighted A, so a ranked search can favour title matches as SQLite's bm25 weights do.
package enum PostgresSearchIndex {
    /// Replaces `document`'s terms with those of `title` and `text` (Simplified; `text` already holds
    /// the attachments' text, `AttachmentContentRules.indexedText`).
    package static func replace(_ connection: PostgresConnection, document: Int64, title: String, text: String) throws(StoreError) {
        try connection.query("""
            INSERT INTO document_search (document, terms)
            VALUES ($1, setweight(to_tsvector('simple', $2), 'A') || to_tsvector('simple', $3))
            ON CONFLICT (document) DO UPDATE SET terms = excluded.terms
            """, [document, SearchTokenizer.indexText(title), SearchTokenizer.indexText(text)], operation: "index document \(document)")
    }
}
