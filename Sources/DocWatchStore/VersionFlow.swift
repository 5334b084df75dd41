import DocWatchCore
import Foundation

/// The document and version as `VersionFlow` finds them stored under a URL.
package struct StoredCurrentVersion: Sendable {
    package var documentID: Int64
    package var versionID: Int64?
    package var number: Int?
    package var contentHash: String?

    package init(documentID: Int64, versionID: Int64?, number: Int?, contentHash: String?) {
        self.documentID = documentID
        self.versionID = versionID
        self.number = number
        self.contentHash = contentHash
    }
}

/// What one backend writes and reads for `VersionFlow`, each call inside the transaction of one store.
package protocol VersionRows {
    func saveBody(_ page: IngestedPage) throws
    /// The document stored under `url` and its current version; a backend with concurrent writers locks
    /// the document row first, so the version read is the newest committed one.
    func currentVersion(url: String) throws -> StoredCurrentVersion?
    /// The oldest non-duplicate document whose current version has `contentHash` (a backend with
    /// concurrent writers serialises new content here).
    func original(contentHash: String) throws -> Int64?
    /// Inserts the page's document; nil when another writer inserted the URL since `currentVersion`.
    func insertDocument(_ page: IngestedPage, duplicateOf original: Int64?) throws -> Int64?
    /// Inserts a version with its facts and attachments; returns its id.
    func insertVersion(_ page: IngestedPage, document: Int64, number: Int, contentHash: String, simhash: UInt64) throws -> Int64
    func makeCurrent(_ page: IngestedPage, document: Int64, version: Int64, simhash: UInt64) throws
    /// Refreshes last-seen time and validators of an unchanged document and its attachments.
    func touch(_ page: IngestedPage, document: Int64) throws
    func clearDuplicate(document: Int64) throws
    /// The version of `document` that already has `contentHash` (A → B → A).
    func version(document: Int64, contentHash: String) throws -> (id: Int64, number: Int)?
    func highestVersionNumber(document: Int64) throws -> Int?
    func snapshot(versionID: Int64) throws -> DocumentSnapshot?
    /// Replaces the document's search-index row with `title` and `text` (Simplified).
    func index(document: Int64, title: String, text: String) throws
    func linkNearDuplicates(document: Int64, simhash: UInt64, simplifiedText: String) throws
    func appendEvent(_ event: VersionEvent) throws -> Int64
    func log(_ entry: FetchLogEntry) throws
}

/// The outbox row of a new or changed version.
package struct VersionEvent {
    package var time: Date
    package var type: ChangeEventType
    package var source: String
    package var url: String
    package var document: Int64
    package var version: Int
    package var contentHash: String
    package var previousHash: String?
    package var title: String
    package var published: String?
    package var diff: ChangeEvent.DiffSummary?
    package var diffText: String?
}

/// What storing a page decides, the same on every backend: a page whose content hash equals the
/// document's current version stores no version (`unchanged`); content already stored under another URL
/// is a `duplicate` of that document and raises no event; content the document had before becomes
/// current again (A → B → A); anything else is a new version with its diff in a `document.changed` event.
package struct VersionFlow<Rows: VersionRows> {
    let rows: Rows
    let page: IngestedPage
    let contentHash: String
    /// Computed once: the version row, the document row and the near-duplicate index all need it.
    let simhash: UInt64

    package init(_ rows: Rows, page: IngestedPage) {
        self.rows = rows
        self.page = page
        self.contentHash = AttachmentContentRules.contentHash(page: page.document.contentHash, attachments: page.attachments)
        self.simhash = SimHash.fingerprint(page.document.textSimplified)
    }

    package func run() throws -> StoreResult {
        try rows.saveBody(page)
        if let existing = try rows.currentVersion(url: page.url) { return try storeExisting(existing) }
        let original = try rows.original(contentHash: contentHash)
        guard let documentID = try rows.insertDocument(page, duplicateOf: original) else {
            // Another writer stored the URL since the look-up above; its document is committed now.
            guard let existing = try rows.currentVersion(url: page.url) else {
                throw StoreError(operation: "store \(page.url)", message: "the document vanished while it was being stored")
            }
            return try storeExisting(existing)
        }
        return try storeNewDocument(documentID, original: original)
    }

    private func storeExisting(_ existing: StoredCurrentVersion) throws -> StoreResult {
        guard existing.contentHash == contentHash else { return try storeChange(existing) }
        try rows.touch(page, document: existing.documentID)
        try log(.unchanged)
        return StoreResult(outcome: .unchanged, documentID: existing.documentID, version: existing.number ?? 0, eventSeq: nil)
    }

    private func storeNewDocument(_ documentID: Int64, original: Int64?) throws -> StoreResult {
        let versionID = try rows.insertVersion(page, document: documentID, number: 1, contentHash: contentHash, simhash: simhash)
        try rows.makeCurrent(page, document: documentID, version: versionID, simhash: simhash)
        if original != nil {
            try log(.duplicate)
            return StoreResult(outcome: .duplicate, documentID: documentID, version: 1, eventSeq: nil)
        }
        try index(documentID)
        try rows.linkNearDuplicates(document: documentID, simhash: simhash, simplifiedText: page.document.textSimplified)
        let seq = try rows.appendEvent(VersionEvent(
            time: page.fetchedAt, type: .documentNew, source: page.source, url: page.url, document: documentID, version: 1,
            contentHash: contentHash, title: page.document.title, published: page.document.published))
        try log(.new)
        return StoreResult(outcome: .new, documentID: documentID, version: 1, eventSeq: seq)
    }

    private func storeChange(_ previous: StoredCurrentVersion) throws -> StoreResult {
        let documentID = previous.documentID
        let previousNumber = previous.number ?? 0
        let before = try previous.versionID.flatMap { try rows.snapshot(versionID: $0) } ?? DocumentSnapshot(fields: [:], text: "", facts: [])
        // Content seen before (A → B → A) becomes current again instead of a second copy.
        let number: Int
        let versionID: Int64
        if let revisited = try rows.version(document: documentID, contentHash: contentHash) {
            (versionID, number) = revisited
        } else {
            number = (try rows.highestVersionNumber(document: documentID) ?? 0) + 1
            versionID = try rows.insertVersion(page, document: documentID, number: number, contentHash: contentHash, simhash: simhash)
        }
        try rows.makeCurrent(page, document: documentID, version: versionID, simhash: simhash)
        try rows.clearDuplicate(document: documentID)
        try index(documentID)
        try rows.linkNearDuplicates(document: documentID, simhash: simhash, simplifiedText: page.document.textSimplified)
        let diff = DocumentDiff(old: before, new: newSnapshot)
        let diffText = DiffRendering(colored: false).file(
            diff, from: VersionSnapshots.label(page.url, version: previousNumber), to: VersionSnapshots.label(page.url, version: number))
        let seq = try rows.appendEvent(VersionEvent(
            time: page.fetchedAt, type: .documentChanged, source: page.source, url: page.url, document: documentID, version: number,
            contentHash: contentHash, previousHash: previous.contentHash, title: page.document.title,
            published: page.document.published, diff: diff.summary(file: ""), diffText: diffText))
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

    private func index(_ documentID: Int64) throws {
        try rows.index(document: documentID, title: page.document.titleSimplified,
                       text: AttachmentContentRules.indexedText(page: page.document.textSimplified,
                                                                attachments: page.attachments.map(\.textSimplified)))
    }

    private func log(_ outcome: FetchOutcome) throws {
        try rows.log(FetchLogEntry(time: page.fetchedAt, source: page.source, url: page.url, status: page.status, outcome: outcome,
                                   bytes: page.body.count, ms: page.ms))
    }
}
