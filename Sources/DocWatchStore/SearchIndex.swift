import Foundation
import GRDB

/// The FTS5 table `document_fts`: one row per document (rowid = document id), holding the bigram
/// tokens of its current version's Simplified title and text.
enum SearchIndex {
    static func replace(_ db: Database, document: Int64, title: String, text: String) throws {
        try db.execute(sql: "DELETE FROM document_fts WHERE rowid = ?", arguments: [document])
        try db.execute(sql: "INSERT INTO document_fts (rowid, title, body) VALUES (?, ?, ?)",
                       arguments: [document, SearchTokenizer.indexText(title), SearchTokenizer.indexText(text)])
    }
}
