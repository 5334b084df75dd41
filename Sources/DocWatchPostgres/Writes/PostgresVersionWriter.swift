import DocWatchCore
import DocWatchStore
import Foundation

/// The steps of `PostgresStore.store(_:)`, inside its transaction: SQLite's `VersionWriter` with the same
/// outcomes, rows and events.
///
/// Several daemons may store the same URL at once, where SQLite's single writer would take them in turn.
/// Here the document row is locked (`SELECT … FOR UPDATE`) before its current version is read, so a
/// second store of the URL waits for the first to commit and then compares against its version. A URL
/// not stored yet is inserted with `ON CONFLICT (url) DO NOTHING`: the loser of a race waits for the
/// winner's commit, gets no row back, and locks and reads the winner's document instead. No unique
/// violation can arise, so nothing needs retrying (a deadlock between two batches is retried by the pool).
/// New documents also take a transaction lock on their content hash, so two URLs with the same content
/// stored at once make one original and one duplicate, as they would on SQLite.
struct PostgresVersionWriter {
    let connection: PostgresConnection
    let page: IngestedPage
    let contentHash: String
    /// Computed once: the version row, the document row and the near-duplicate index all need it.
    let simhash: UInt64

    init(_ connection: PostgresConnection, page: IngestedPage) {
        self.connection = connection
        self.page = page
        self.contentHash = AttachmentContentRules.contentHash(page: page.document.contentHash, attachments: page.attachments)
        self.simhash = SimHash.fingerprint(page.document.textSimplified)
    }

    private var operation: String { "store \(page.url)" }

    func run() throws(StoreError) -> StoreResult {
        try saveBody()
        if let existing = try lockedDocument() { return try storeExisting(existing) }
        try connection.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [contentHash], operation: operation)
        let original = try connection.query("""
            SELECT d.id FROM version v JOIN document d ON d.current_version = v.id
            WHERE v.content_hash = $1 AND d.duplicate_of IS NULL ORDER BY d.id LIMIT 1
            """, [contentHash], operation: operation).first?.int64("id")
        let inserted = try connection.query("""
            INSERT INTO document (url, source, first_seen, last_seen, duplicate_of, etag, last_modified, raw_hash, hint)
            VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (url) DO NOTHING
            RETURNING id
            """, [page.url, page.source, page.fetchedAt, original, page.etag, page.lastModified, page.rawHash, page.hint],
            operation: operation).first?.int64("id")
        guard let documentID = inserted else {
            // Another node stored the URL since the look-up above; its document is committed now.
            guard let existing = try lockedDocument() else {
                throw StoreError(operation: operation, message: "the document vanished while it was being stored")
            }
            return try storeExisting(existing)
        }
        return try storeNewDocument(documentID, original: original)
    }

    /// The document's current version, read after locking its row; nil when the URL is not stored.
    private func lockedDocument() throws(StoreError) -> CurrentVersion? {
        guard let id = try connection.query("SELECT id FROM document WHERE url = $1 FOR UPDATE", [page.url], operation: operation)
            .first?.int64("id")
        else { return nil }
        // Read after the lock, in a statement of its own, so it sees the version a concurrent store committed.
        let row = try connection.query("""
            SELECT v.id AS version_id, v.number, v.content_hash
            FROM document d LEFT JOIN version v ON v.id = d.current_version WHERE d.id = $1
            """, [id], operation: operation).first
        return CurrentVersion(documentID: id, versionID: row?.int64("version_id"), number: row?.int("number"),
                              contentHash: row?.string("content_hash"))
    }

    private struct CurrentVersion {
        var documentID: Int64
        var versionID: Int64?
        var number: Int?
        var contentHash: String?
    }

    private func storeExisting(_ existing: CurrentVersion) throws(StoreError) -> StoreResult {
        guard existing.contentHash == contentHash else { return try storeChange(existing) }
        try touch(existing.documentID)
        try PostgresAttachmentRows.refreshValidators(connection, document: existing.documentID, page.attachments)
        try log(.unchanged)
        return StoreResult(outcome: .unchanged, documentID: existing.documentID, version: existing.number ?? 0, eventSeq: nil)
    }

    private func storeNewDocument(_ documentID: Int64, original: Int64?) throws(StoreError) -> StoreResult {
        let versionID = try insertVersion(documentID: documentID, number: 1)
        try makeCurrent(documentID: documentID, versionID: versionID)
        if original != nil {
            try log(.duplicate)
            return StoreResult(outcome: .duplicate, documentID: documentID, version: 1, eventSeq: nil)
        }
        try index(documentID: documentID)
        try PostgresNearDuplicates.link(connection, document: documentID, simhash: simhash, simplifiedText: page.document.textSimplified)
        let seq = try PostgresOutboxAppend.append(
            connection, time: page.fetchedAt, type: .documentNew, source: page.source, url: page.url, document: documentID,
            version: 1, contentHash: contentHash, title: page.document.title, published: page.document.published)
        try log(.new)
        return StoreResult(outcome: .new, documentID: documentID, version: 1, eventSeq: seq)
    }

    private func storeChange(_ previous: CurrentVersion) throws(StoreError) -> StoreResult {
        let documentID = previous.documentID
        let previousNumber = previous.number ?? 0
        var before = DocumentSnapshot(fields: [:], text: "", facts: [])
        if let id = previous.versionID, let stored = try PostgresVersionSnapshots.load(connection, versionID: id) { before = stored }
        // Content seen before (A → B → A) becomes current again instead of a second copy.
        let number: Int
        let versionID: Int64
        if let revisited = try connection.query("SELECT id, number FROM version WHERE document = $1 AND content_hash = $2",
                                                [documentID, contentHash], operation: operation).first,
           let id = revisited.int64("id"), let revisitedNumber = revisited.int("number") {
            versionID = id
            number = revisitedNumber
        } else {
            number = (try connection.query("SELECT MAX(number) AS number FROM version WHERE document = $1", [documentID],
                                           operation: operation).first?.int("number") ?? 0) + 1
            versionID = try insertVersion(documentID: documentID, number: number)
        }
        try makeCurrent(documentID: documentID, versionID: versionID)
        try connection.query("UPDATE document SET duplicate_of = NULL WHERE id = $1", [documentID], operation: operation)
        try index(documentID: documentID)
        try PostgresNearDuplicates.link(connection, document: documentID, simhash: simhash, simplifiedText: page.document.textSimplified)
        let diff = DocumentDiff(old: before, new: newSnapshot)
        let diffText = DiffRendering(colored: false).file(
            diff, from: VersionSnapshots.label(page.url, version: previousNumber), to: VersionSnapshots.label(page.url, version: number))
        let seq = try PostgresOutboxAppend.append(
            connection, time: page.fetchedAt, type: .documentChanged, source: page.source, url: page.url, document: documentID,
            version: number, contentHash: contentHash, previousHash: previous.contentHash, title: page.document.title,
            published: page.document.published, diff: diff.summary(file: ""), diffText: diffText)
        try log(.changed)
        return StoreResult(outcome: .changed, documentID: documentID, version: number, eventSeq: seq)
    }

    /// The new version as a diff compares it: the page, then its attachments' text and facts.
    private var newSnapshot: DocumentSnapshot {
        var snapshot = DocumentSnapshot(page.document)
        snapshot.text = AttachmentContentRules.comparedText(page: snapshot.text, attachments: page.attachments.map { ($0.name, $0.text) })
        snapshot.facts += page.attachments.flatMap { $0.facts.map { FactMention(kind: $0.kind, text: $0.text) } }
        return snapshot
    }

    private func saveBody() throws(StoreError) {
        // A body emptied by `keep_raw` and fetched again gets its bytes back.
        try connection.query("""
            INSERT INTO body (raw_hash, size, content_type, data) VALUES ($1, $2, $3, $4)
            ON CONFLICT (raw_hash) DO UPDATE SET data = excluded.data WHERE length(body.data) = 0
            """, [page.rawHash, page.body.count, page.contentType, BodyCodec.compress(page.body)], operation: operation)
    }

    private func insertVersion(documentID: Int64, number: Int) throws(StoreError) -> Int64 {
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

    private func makeCurrent(documentID: Int64, versionID: Int64) throws(StoreError) {
        try connection.query("""
            UPDATE document SET current_version = $1, last_seen = $2, raw_hash = $3, etag = $4, last_modified = $5,
                hint = COALESCE($6, hint), missing_count = 0, simhash = $7
            WHERE id = $8
            """, [versionID, page.fetchedAt, page.rawHash, page.etag, page.lastModified, page.hint, Int64(bitPattern: simhash),
                  documentID], operation: operation)
    }

    private func touch(_ documentID: Int64) throws(StoreError) {
        try connection.query("""
            UPDATE document SET last_seen = $1, raw_hash = $2, etag = $3, last_modified = $4, hint = COALESCE($5, hint),
                missing_count = 0
            WHERE id = $6
            """, [page.fetchedAt, page.rawHash, page.etag, page.lastModified, page.hint, documentID], operation: operation)
    }

    private func index(documentID: Int64) throws(StoreError) {
        try PostgresSearchIndex.replace(connection, document: documentID, title: page.document.titleSimplified,
                                        text: AttachmentContentRules.indexedText(page: page.document.textSimplified,
                                                                                 attachments: page.attachments.map(\.textSimplified)))
    }

    private func log(_ outcome: FetchOutcome) throws(StoreError) {
        try PostgresFetchLog.insert(FetchLogEntry(time: page.fetchedAt, source: page.source, url: page.url, status: page.status,
                                                  outcome: outcome, bytes: page.body.count, ms: page.ms), connection)
    }
}
