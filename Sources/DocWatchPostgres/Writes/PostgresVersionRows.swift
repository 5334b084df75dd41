import DocWatchCore
import DocWatchStore
import Foundation

/// `VersionFlow`'s rows in PostgreSQL, inside the store's transaction.
///
/// Several daemons may store the same URL at once, where SQLite's single writer would take them in turn.
/// Here the document row is locked (`SELECT … FOR UPDATE`) before its current version is read, so a
/// second store of the URL waits for the first to commit and then compares against its version. A URL
/// not stored yet is inserted with `ON CONFLICT (url) DO NOTHING`: the loser of that race waits for the
/// winner's commit, gets no row back, and `VersionFlow` locks and reads the winner's document instead. No
/// unique violation can arise, so nothing is retried for it (a deadlock between two batches is retried by
/// the pool). New content takes a transaction lock on its content hash before looking for an original,
/// so two URLs with the same content stored at once make one original and one duplicate, as on SQLite.
struct PostgresVersionRows: VersionRows {
    let connection: PostgresConnection
    let url: String

    private var operation: String { "store \(url)" }

    func saveBody(_ page: IngestedPage) throws(StoreError) {
        // A body emptied by `keep_raw` and fetched again gets its bytes back.
        try connection.query("""
            INSERT INTO body (raw_hash, size, content_type, data) VALUES ($1, $2, $3, $4)
            ON CONFLICT (raw_hash) DO UPDATE SET data = excluded.data WHERE length(body.data) = 0
            """, [page.rawHash, page.body.count, page.contentType, BodyCodec.compress(page.body)], operation: operation)
    }

    func currentVersion(url: String) throws(StoreError) -> StoredCurrentVersion? {
        guard let id = try connection.query("SELECT id FROM document WHERE url = $1 FOR UPDATE", [url], operation: operation)
            .first?.int64("id")
        else { return nil }
        // Read after the lock, in a statement of its own, so it sees the version a concurrent store committed.
        let row = try connection.query("""
            SELECT v.id AS version_id, v.number, v.content_hash
            FROM document d LEFT JOIN version v ON v.id = d.current_version WHERE d.id = $1
            """, [id], operation: operation).first
        return StoredCurrentVersion(documentID: id, versionID: row?.int64("version_id"), number: row?.int("number"),
                                    contentHash: row?.string("content_hash"))
    }

    func original(contentHash: String) throws(StoreError) -> Int64? {
        try connection.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [contentHash], operation: operation)
        return try connection.query("""
            SELECT d.id FROM version v JOIN document d ON d.current_version = v.id
            WHERE v.content_hash = $1 AND d.duplicate_of IS NULL ORDER BY d.id LIMIT 1
            """, [contentHash], operation: operation).first?.int64("id")
    }

    func insertDocument(_ page: IngestedPage, duplicateOf original: Int64?) throws(StoreError) -> Int64? {
        try connection.query("""
            INSERT INTO document (url, source, first_seen, last_seen, duplicate_of, etag, last_modified, raw_hash, hint)
            VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (url) DO NOTHING
            RETURNING id
            """, [page.url, page.source, page.fetchedAt, original, page.etag, page.lastModified, page.rawHash, page.hint],
            operation: operation).first?.int64("id")
    }

    func insertVersion(
        _ page: IngestedPage, document documentID: Int64, number: Int, contentHash: String, simhash: UInt64
    ) throws(StoreError) -> Int64 {
        let document = page.document
        let parameters: [any PostgresBindable] = [
            documentID, number, contentHash, page.rawHash, page.fetchedAt, page.charset, document.title, document.published,
            JSONText.encode(document.authors), document.editor, document.source, document.siteName, document.script, document.text,
            document.titleSimplified, document.textSimplified, JSONText.encode(document.links), Int64(bitPattern: simhash),
            document.issuer, document.docNumber, document.written, document.indexNumber,
        ]
        guard let versionID = try connection.query("""
            INSERT INTO version (document, number, content_hash, raw_hash, fetched_at, charset, title, published, authors,
                editor, source_name, site_name, script, text, title_simplified, text_simplified, links, simhash,
                issuer, doc_number, written, index_number)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
            RETURNING id
            """, parameters, operation: operation).first?.int64("id")
        else { throw StoreError(operation: operation, message: "the new version got no id") }
        try PostgresAttachmentRows.insertFacts(connection, document.facts, version: versionID)
        try PostgresAttachmentRows.insert(connection, version: versionID, page.attachments)
        return versionID
    }

    func makeCurrent(_ page: IngestedPage, document: Int64, version: Int64, simhash: UInt64) throws(StoreError) {
        try connection.query("""
            UPDATE document SET current_version = $1, last_seen = $2, raw_hash = $3, etag = $4, last_modified = $5,
                hint = COALESCE($6, hint), missing_count = 0, simhash = $7
            WHERE id = $8
            """, [version, page.fetchedAt, page.rawHash, page.etag, page.lastModified, page.hint, Int64(bitPattern: simhash), document],
            operation: operation)
    }

    func touch(_ page: IngestedPage, document: Int64) throws(StoreError) {
        try connection.query("""
            UPDATE document SET last_seen = $1, raw_hash = $2, etag = $3, last_modified = $4, hint = COALESCE($5, hint),
                missing_count = 0
            WHERE id = $6
            """, [page.fetchedAt, page.rawHash, page.etag, page.lastModified, page.hint, document], operation: operation)
        try PostgresAttachmentRows.refreshValidators(connection, document: document, page.attachments)
    }

    func clearDuplicate(document: Int64) throws(StoreError) {
        try connection.query("UPDATE document SET duplicate_of = NULL WHERE id = $1", [document], operation: operation)
    }

    func version(document: Int64, contentHash: String) throws(StoreError) -> (id: Int64, number: Int)? {
        guard let row = try connection.query("SELECT id, number FROM version WHERE document = $1 AND content_hash = $2",
                                             [document, contentHash], operation: operation).first,
              let id = row.int64("id"), let number = row.int("number")
        else { return nil }
        return (id, number)
    }

    func highestVersionNumber(document: Int64) throws(StoreError) -> Int? {
        try connection.query("SELECT MAX(number) AS number FROM version WHERE document = $1", [document], operation: operation)
            .first?.int("number")
    }

    func snapshot(versionID: Int64) throws(StoreError) -> DocumentSnapshot? {
        try PostgresVersionSnapshots.load(connection, versionID: versionID)
    }

    func index(document: Int64, title: String, text: String) throws(StoreError) {
        try PostgresSearchIndex.replace(connection, document: document, title: title, text: text)
    }

    func linkNearDuplicates(document: Int64, simhash: UInt64, simplifiedText: String) throws {
        try NearDuplicateFlow.link(PostgresNearDuplicateRows(connection: connection), document: document, simhash: simhash,
                                   simplifiedText: simplifiedText)
    }

    func appendEvent(_ event: VersionEvent) throws(StoreError) -> Int64 {
        try PostgresOutboxAppend.append(
            connection, time: event.time, type: event.type, source: event.source, url: event.url, document: event.document,
            version: event.version, contentHash: event.contentHash, previousHash: event.previousHash, title: event.title,
            published: event.published, diff: event.diff, diffText: event.diffText)
    }

    func log(_ entry: FetchLogEntry) throws(StoreError) {
        try PostgresFetchLog.insert(entry, connection)
    }
}
