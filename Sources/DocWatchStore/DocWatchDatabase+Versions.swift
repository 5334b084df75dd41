import DocWatchCore
import Foundation
import GRDB

extension DocWatchDatabase {
    /// Stores a fetched page in one transaction: body, version, facts, search index, near-duplicate
    /// links, fetch-log row and the outbox event. A page whose content hash equals the document's current
    /// version stores no version (`unchanged`); content already stored under another URL is recorded as a
    /// `duplicate` of that document and raises no event.
    public func store(_ page: IngestedPage) throws(StoreError) -> StoreResult {
        try write("store \(page.url)") { db in try VersionFlow(SQLiteVersionRows(db: db), page: page).run() }
    }

    /// Stores many pages in one transaction (bulk import, benchmarks): all or none.
    public func store(batch pages: [IngestedPage]) throws(StoreError) -> [StoreResult] {
        try write("store \(pages.count) pages") { db in try pages.map { try VersionFlow(SQLiteVersionRows(db: db), page: $0).run() } }
    }
}

/// `VersionFlow`'s rows in SQLite, inside the store's transaction (one writer at a time, so no locks).
private struct SQLiteVersionRows: VersionRows {
    let db: Database

    func saveBody(_ page: IngestedPage) throws {
        // A body emptied by `keep_raw` and fetched again gets its bytes back.
        try db.cachedStatement(sql: """
            INSERT INTO body (raw_hash, size, content_type, data) VALUES (?, ?, ?, ?)
            ON CONFLICT(raw_hash) DO UPDATE SET data = excluded.data WHERE length(body.data) = 0
            """).execute(arguments: [page.rawHash, page.body.count, page.contentType, Data(BodyCodec.compress(page.body))])
    }

    func currentVersion(url: String) throws -> StoredCurrentVersion? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT d.id, v.id AS version_id, v.number, v.content_hash
            FROM document d LEFT JOIN version v ON v.id = d.current_version WHERE d.url = ?
            """), arguments: [url]).map {
            StoredCurrentVersion(documentID: $0["id"], versionID: $0["version_id"], number: $0["number"], contentHash: $0["content_hash"])
        }
    }

    func original(contentHash: String) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT d.id FROM version v JOIN document d ON d.current_version = v.id
            WHERE v.content_hash = ? AND d.duplicate_of IS NULL ORDER BY d.id LIMIT 1
            """), arguments: [contentHash])
    }

    func insertDocument(_ page: IngestedPage, duplicateOf original: Int64?) throws -> Int64? {
        let fetchedAt = StoredDate(page.fetchedAt)
        try db.cachedStatement(sql: """
            INSERT INTO document (url, source, first_seen, last_seen, duplicate_of, etag, last_modified, raw_hash, hint)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [page.url, page.source, fetchedAt, fetchedAt, original, page.etag,
                             page.lastModified, page.rawHash, page.hint])
        return db.lastInsertedRowID
    }

    func insertVersion(_ page: IngestedPage, document documentID: Int64, number: Int, contentHash: String, simhash: UInt64) throws -> Int64 {
        let document = page.document
        try db.cachedStatement(sql: """
            INSERT INTO version (document, number, content_hash, raw_hash, fetched_at, charset, title, published, authors,
                editor, source_name, site_name, script, text, title_simplified, text_simplified, links, simhash,
                issuer, doc_number, written, index_number)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [documentID, number, contentHash, page.rawHash, StoredDate(page.fetchedAt), page.charset,
                             document.title, document.published, JSONText.encode(document.authors), document.editor,
                             document.source, document.siteName, document.script, document.text, document.titleSimplified,
                             document.textSimplified, JSONText.encode(document.links), Int64(bitPattern: simhash),
                             document.issuer, document.docNumber, document.written, document.indexNumber])
        let versionID = db.lastInsertedRowID
        for fact in document.facts {
            try db.cachedStatement(sql: "INSERT INTO fact (version, kind, text, \"offset\", data) VALUES (?, ?, ?, ?, ?)")
                .execute(arguments: [versionID, fact.kind.rawValue, fact.text, fact.offset, JSONText.encode(fact)])
        }
        try AttachmentRows.insert(db, version: versionID, page.attachments)
        return versionID
    }

    func makeCurrent(_ page: IngestedPage, document: Int64, version: Int64, simhash: UInt64) throws {
        try db.cachedStatement(sql: """
            UPDATE document SET current_version = ?, last_seen = ?, raw_hash = ?, etag = ?, last_modified = ?,
                hint = COALESCE(?, hint), missing_count = 0, simhash = ?
            WHERE id = ?
            """).execute(arguments: [version, StoredDate(page.fetchedAt), page.rawHash, page.etag, page.lastModified, page.hint,
                             Int64(bitPattern: simhash), document])
    }

    func touch(_ page: IngestedPage, document: Int64) throws {
        try db.cachedStatement(sql: """
            UPDATE document SET last_seen = ?, raw_hash = ?, etag = ?, last_modified = ?, hint = COALESCE(?, hint),
                missing_count = 0
            WHERE id = ?
            """).execute(arguments: [StoredDate(page.fetchedAt), page.rawHash, page.etag, page.lastModified, page.hint, document])
        try AttachmentRows.refreshValidators(db, document: document, page.attachments)
    }

    func clearDuplicate(document: Int64) throws {
        try db.cachedStatement(sql: "UPDATE document SET duplicate_of = NULL WHERE id = ?").execute(arguments: [document])
    }

    func version(document: Int64, contentHash: String) throws -> (id: Int64, number: Int)? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT id, number FROM version WHERE document = ? AND content_hash = ?"),
                         arguments: [document, contentHash]).map { ($0["id"], $0["number"]) }
    }

    func highestVersionNumber(document: Int64) throws -> Int? {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT MAX(number) FROM version WHERE document = ?"), arguments: [document])
    }

    func snapshot(versionID: Int64) throws -> DocumentSnapshot? {
        try VersionSnapshots.load(db, versionID: versionID)
    }

    func index(document: Int64, title: String, text: String) throws {
        try SearchIndex.replace(db, document: document, title: title, text: text)
    }

    func linkNearDuplicates(document: Int64, simhash: UInt64, simplifiedText: String) throws {
        try NearDuplicates.link(db, document: document, simhash: simhash, simplifiedText: simplifiedText)
    }

    func appendEvent(_ event: VersionEvent) throws -> Int64 {
        try Outbox.append(db, time: event.time, type: event.type, source: event.source, url: event.url, document: event.document,
                          version: event.version, contentHash: event.contentHash, previousHash: event.previousHash,
                          title: event.title, published: event.published, diff: event.diff, diffText: event.diffText)
    }

    func log(_ entry: FetchLogEntry) throws {
        try DocWatchDatabase.insertLog(entry, db)
    }
}

/// JSON columns (authors, links, facts), encoded with sorted keys. Shared with the PostgreSQL backend.
package enum JSONText {
    package static func encode<T: Encodable>(_ value: T) -> String {
        (try? DocWatchJSON.encoder().encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    package static func decode<T: Decodable>(_ type: T.Type, _ text: String?) -> T? {
        guard let text else { return nil }
        return try? JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
