import Foundation
import GRDB

/// The FTS5 table `document_fts`: one row per document (rowid = document id), holding the bigram
/// tokens of its current version's Simplified title and text.
enum SearchIndex {
    static func replace(_ db: Database, document: Int64, title: String, text: String) throws {
        // Cached statements: a batch of pages stores many rows, and preparing FTS5 statements is not free.
        try db.cachedStatement(sql: "DELETE FROM document_fts WHERE rowid = ?").execute(arguments: [document])
        try db.cachedStatement(sql: "INSERT INTO document_fts (rowid, title, body) VALUES (?, ?, ?)")
            .execute(arguments: [document, SearchTokenizer.indexText(title), SearchTokenizer.indexText(text)])
    }
}
