import DocWatchCore
import Foundation
import GRDB

extension DocWatchDatabase {
    /// Stores a fetched page in one transaction: body, version, facts, search index, near-duplicate
    /// links, fetch-log row and the outbox event. A page whose content hash equals the document's current
    /// version stores no version (`unchanged`); content already stored under another URL is recorded as a
    /// `duplicate` of that document and raises no event.
    public func store(_ page: IngestedPage) throws(StoreError) -> StoreResult {
        try write("store \(page.url)") { db in try VersionWriter(db: db, page: page).run() }
    }

    /// Stores many pages in one transaction (bulk import, benchmarks): all or none.
    public func store(batch pages: [IngestedPage]) throws(StoreError) -> [StoreResult] {
        try write("store \(pages.count) pages") { db in try pages.map { try VersionWriter(db: db, page: $0).run() } }
    }
}

/// The steps of `store(_:)`, inside its transaction.
private struct VersionWriter {
    let db: Database
    let page: IngestedPage
    let contentHash: String
    /// Computed once: the version row, the document row and the near-duplicate index all need it.
    let simhash: UInt64
    /// `page.fetchedAt` as bound, formatted once for the rows that take it.
    let fetchedAt: StoredDate

    init(db: Database, page: IngestedPage) {
        self.db = db
        self.page = page
        self.fetchedAt = StoredDate(page.fetchedAt)
        self.contentHash = AttachmentContentRules.contentHash(page: page.document.contentHash, attachments: page.attachments)
        self.simhash = SimHash.fingerprint(page.document.textSimplified)
    }

    func run() throws -> StoreResult {
        try saveBody()
        let existing = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT d.id, d.duplicate_of, v.id AS version_id, v.number, v.content_hash
            FROM document d LEFT JOIN version v ON v.id = d.current_version WHERE d.url = ?
            """), arguments: [page.url])
        guard let existing else { return try storeNewDocument() }
        let documentID: Int64 = existing["id"]
        if existing["content_hash"] as String? == contentHash {
            try touch(documentID)
            try AttachmentRows.refreshValidators(db, document: documentID, page.attachments)
            try log(.unchanged)
            return StoreResult(outcome: .unchanged, documentID: documentID, version: existing["number"] ?? 0, eventSeq: nil)
        }
        return try storeChange(documentID: documentID, previous: existing)
    }

    private func storeNewDocument() throws -> StoreResult {
        let original = try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT d.id FROM version v JOIN document d ON d.current_version = v.id
            WHERE v.content_hash = ? AND d.duplicate_of IS NULL ORDER BY d.id LIMIT 1
            """), arguments: [contentHash])
        try db.cachedStatement(sql: """
            INSERT INTO document (url, source, first_seen, last_seen, duplicate_of, etag, last_modified, raw_hash, hint)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [page.url, page.source, fetchedAt, fetchedAt, original, page.etag,
                             page.lastModified, page.rawHash, page.hint])
        let documentID = db.lastInsertedRowID
        let versionID = try insertVersion(documentID: documentID, number: 1)
        try makeCurrent(documentID: documentID, versionID: versionID)
        if original != nil {
            try log(.duplicate)
            return StoreResult(outcome: .duplicate, documentID: documentID, version: 1, eventSeq: nil)
        }
        try index(documentID: documentID)
        try NearDuplicates.link(db, document: documentID, simhash: simhash, simplifiedText: page.document.textSimplified)
        let seq = try Outbox.append(
            db, time: page.fetchedAt, type: .documentNew, source: page.source, url: page.url, document: documentID,
            version: 1, contentHash: contentHash, title: page.document.title, published: page.document.published)
        try log(.new)
        return StoreResult(outcome: .new, documentID: documentID, version: 1, eventSeq: seq)
    }

    private func storeChange(documentID: Int64, previous: Row) throws -> StoreResult {
        let previousHash: String? = previous["content_hash"]
        let previousNumber: Int = previous["number"] ?? 0
        let before = try (previous["version_id"] as Int64?).flatMap { try VersionSnapshots.load(db, versionID: $0) }
            ?? DocumentSnapshot(fields: [:], text: "", facts: [])
        // Content seen before (A → B → A) becomes current again instead of a second copy.
        let number: Int
        let versionID: Int64
        if let revisited = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, number FROM version WHERE document = ? AND content_hash = ?"),
                                            arguments: [documentID, contentHash]) {
            versionID = revisited["id"]
            number = revisited["number"]
        } else {
            number = (try Int.fetchOne(db.cachedStatement(sql: "SELECT MAX(number) FROM version WHERE document = ?"), arguments: [documentID]) ?? 0) + 1
            versionID = try insertVersion(documentID: documentID, number: number)
        }
        try makeCurrent(documentID: documentID, versionID: versionID)
        try db.cachedStatement(sql: "UPDATE document SET duplicate_of = NULL WHERE id = ?").execute(arguments: [documentID])
        try index(documentID: documentID)
        try NearDuplicates.link(db, document: documentID, simhash: simhash, simplifiedText: page.document.textSimplified)
        let diff = DocumentDiff(old: before, new: newSnapshot)
        let diffText = DiffRendering(colored: false).file(
            diff, from: VersionSnapshots.label(page.url, version: previousNumber), to: VersionSnapshots.label(page.url, version: number))
        let seq = try Outbox.append(
            db, time: page.fetchedAt, type: .documentChanged, source: page.source, url: page.url, document: documentID,
            version: number, contentHash: contentHash, previousHash: previousHash, title: page.document.title,
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

    private func saveBody() throws {
        // A body emptied by `keep_raw` and fetched again gets its bytes back.
        try db.cachedStatement(sql: """
            INSERT INTO body (raw_hash, size, content_type, data) VALUES (?, ?, ?, ?)
            ON CONFLICT(raw_hash) DO UPDATE SET data = excluded.data WHERE length(body.data) = 0
            """).execute(arguments: [page.rawHash, page.body.count, page.contentType, Data(BodyCodec.compress(page.body))])
    }

    private func insertVersion(documentID: Int64, number: Int) throws -> Int64 {
        let document = page.document
        try db.cachedStatement(sql: """
            INSERT INTO version (document, number, content_hash, raw_hash, fetched_at, charset, title, published, authors,
                editor, source_name, site_name, script, text, title_simplified, text_simplified, links, simhash,
                issuer, doc_number, written, index_number)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [documentID, number, contentHash, page.rawHash, fetchedAt, page.charset, document.title,
                             document.published, JSONText.encode(document.authors), document.editor, document.source,
                             document.siteName, document.script, document.text, document.titleSimplified,
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

    private func makeCurrent(documentID: Int64, versionID: Int64) throws {
        try db.cachedStatement(sql: """
            UPDATE document SET current_version = ?, last_seen = ?, raw_hash = ?, etag = ?, last_modified = ?,
                hint = COALESCE(?, hint), missing_count = 0, simhash = ?
            WHERE id = ?
            """).execute(arguments: [versionID, fetchedAt, page.rawHash, page.etag, page.lastModified, page.hint,
                             Int64(bitPattern: simhash), documentID])
    }

    private func touch(_ documentID: Int64) throws {
        try db.cachedStatement(sql: """
            UPDATE document SET last_seen = ?, raw_hash = ?, etag = ?, last_modified = ?, hint = COALESCE(?, hint),
                missing_count = 0
            WHERE id = ?
            """).execute(arguments: [fetchedAt, page.rawHash, page.etag, page.lastModified, page.hint, documentID])
    }

    private func index(documentID: Int64) throws {
        try SearchIndex.replace(db, document: documentID, title: page.document.titleSimplified,
                                text: AttachmentContentRules.indexedText(page: page.document.textSimplified,
                                                                         attachments: page.attachments.map(\.textSimplified)))
    }

    private func log(_ outcome: FetchOutcome) throws {
        try db.cachedStatement(sql: """
            INSERT INTO fetch_log (time, source, url, status, outcome, bytes, ms) VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [fetchedAt, page.source, page.url, page.status, outcome.rawValue, page.body.count, page.ms])
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
