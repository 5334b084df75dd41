import DocWatchCore
import DocWatchPostgres
import DocWatchStore
import DocWatchTestSupport
import Foundation

/// Writes the rows `store(_:)` writes for a page, straight through SQL, so the PostgreSQL read side is
/// tested on the same pages as the SQLite backend (and without depending on the PostgreSQL write path).
/// The search row is the one the write path makes: `setweight(to_tsvector('simple', title tokens), 'A')
/// || to_tsvector('simple', body tokens)`, tokens from `SearchTokenizer.indexText`.
struct PostgresRowFixtures {
    let connection: PostgresConnection

    init(_ database: PostgresTestDatabase) throws {
        connection = try PostgresConnection(url: database.url)
    }

    /// Stores `page` as a new document (version 1), or as a duplicate of `duplicateOf` (no search row).
    @discardableResult
    func document(_ page: IngestedPage, duplicateOf: Int64? = nil) throws -> Int64 {
        try body(page)
        let id = try requireValue(try connection.query("""
            INSERT INTO document (url, source, first_seen, last_seen, duplicate_of, raw_hash) VALUES ($1, $2, $3, $3, $4, $5) RETURNING id
            """, [page.url, page.source, page.fetchedAt, duplicateOf, page.rawHash], operation: "insert a document").first?.int64("id"))
        try version(page, document: id, number: 1, indexed: duplicateOf == nil)
        return id
    }

    /// Adds version `number` of document `document` from `page` and makes it current.
    func version(_ page: IngestedPage, document: Int64, number: Int, indexed: Bool = true) throws {
        try body(page)
        let doc = page.document
        let contentHash = AttachmentContentRules.contentHash(page: doc.contentHash, attachments: page.attachments)
        let versionID = try requireValue(try connection.query("""
            INSERT INTO version (document, number, content_hash, raw_hash, fetched_at, title, published, authors, script, text,
                                 title_simplified, text_simplified, links, simhash)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 0) RETURNING id
            """, [document, number, contentHash, page.rawHash, page.fetchedAt, doc.title, doc.published, JSONText.encode(doc.authors),
                  doc.script, doc.text, doc.titleSimplified, doc.textSimplified, JSONText.encode(doc.links)], operation: "insert a version").first?.int64("id"))
        for fact in doc.facts {
            try connection.query("INSERT INTO fact (version, kind, text, \"offset\", data) VALUES ($1, $2, $3, $4, $5)",
                                 [versionID, fact.kind.rawValue, fact.text, fact.offset, JSONText.encode(fact)], operation: "insert a fact")
        }
        for (position, attachment) in page.attachments.enumerated() {
            try connection.query("""
                INSERT INTO attachment (version, position, url, name, type, sha256, text, text_simplified, chars)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                """, [versionID, position, attachment.url, attachment.name, attachment.type.rawValue, attachment.sha256,
                      attachment.text, attachment.textSimplified, attachment.chars], operation: "insert an attachment")
        }
        try connection.query("UPDATE document SET current_version = $1, last_seen = $2 WHERE id = $3", [versionID, page.fetchedAt, document],
                             operation: "make a version current")
        guard indexed else { return }
        let body = AttachmentContentRules.indexedText(page: doc.textSimplified, attachments: page.attachments.map(\.textSimplified))
        try connection.query("""
            INSERT INTO document_search (document, terms)
            VALUES ($1, setweight(to_tsvector('simple', $2), 'A') || to_tsvector('simple', $3))
            ON CONFLICT (document) DO UPDATE SET terms = excluded.terms
            """, [document, SearchTokenizer.indexText(doc.titleSimplified), SearchTokenizer.indexText(body)], operation: "index a document")
    }

    private func body(_ page: IngestedPage) throws {
        try connection.query("""
            INSERT INTO body (raw_hash, size, data) VALUES ($1, $2, $3) ON CONFLICT (raw_hash) DO NOTHING
            """, [page.rawHash, page.body.count, BodyCodec.compress(page.body)], operation: "insert a body")
    }

    /// Appends `count` outbox events of `source` written at `time`; returns their seqs.
    @discardableResult
    func events(_ count: Int, source: String = "s", type: ChangeEventType = .documentNew, at time: Date = Pages.start) throws -> [Int64] {
        try (0..<count).map { index in
            try requireValue(try connection.query("""
                INSERT INTO outbox (time, type, source, url, document, version) VALUES ($1, $2, $3, $4, 1, 1) RETURNING seq
                """, [time, type.rawValue, source, "https://gov.example/\(source)/\(index).html"], operation: "append an event").first?.int64("seq"))
        }
    }
}

/// A missing value as a thrown error, for fixtures outside a `#require`.
func requireValue<T>(_ value: T?, _ what: String = #function) throws -> T {
    guard let value else { throw StoreError(operation: what, message: "no row came back") }
    return value
}
