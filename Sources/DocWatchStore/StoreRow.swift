import DocWatchCore
import Foundation
import GRDB

/// One result row as the decoders both backends share read it: GRDB's `Row` on SQLite, `PostgresRow`
/// on PostgreSQL. A NULL or a column the query did not select reads as nil.
///
/// Turning rows into store types (`OutboxEvent`, `FetchLogEntry`, `SourceHealth`, an extracted
/// document) is written once against this, so the two backends cannot drift apart.
package protocol StoreRow {
    func text(_ column: String) -> String?
    func integer(_ column: String) -> Int64?
    func real(_ column: String) -> Double?
    func date(_ column: String) -> Date?
}

extension StoreRow {
    func int(_ column: String) -> Int? { integer(column).map { Int($0) } }
}

extension Row: StoreRow {
    package func text(_ column: String) -> String? { self[column] }
    package func integer(_ column: String) -> Int64? { self[column] }
    package func real(_ column: String) -> Double? { self[column] }
    package func date(_ column: String) -> Date? { self[column] }
}

/// Store types from rows of the tables both backends share (same column names).
package enum StoreRows {
    /// A `fetch_log` row with its id.
    package static func fetchLogEntry(_ row: some StoreRow) -> (id: Int64, entry: FetchLogEntry) {
        let outcome = row.text("outcome").flatMap(FetchOutcome.init(rawValue:)) ?? .error
        return (row.integer("id") ?? 0, FetchLogEntry(
            time: row.date("time") ?? .distantPast, source: row.text("source") ?? "", url: row.text("url") ?? "",
            status: row.int("status"), outcome: outcome, bytes: row.int("bytes") ?? 0, ms: row.int("ms") ?? 0,
            error: row.text("error")))
    }

    /// A `source` row with the `documents`, `last_new` and `last_new_title` columns `sourceHealth` adds,
    /// and `node` where the backend has one.
    package static func sourceHealth(_ row: some StoreRow) -> SourceHealth {
        SourceHealth(
            id: row.text("id") ?? "", kind: row.text("kind") ?? "", url: row.text("url") ?? "", name: row.text("name") ?? "",
            lastPoll: row.date("last_poll"), outcome: row.text("last_outcome"), nextDue: row.date("next_due"),
            failures: row.int("failures") ?? 0, lastError: row.text("last_error"), lastSuccess: row.date("last_success"),
            documents: row.int("documents") ?? 0, lastNew: row.date("last_new"), lastNewTitle: row.text("last_new_title"),
            node: row.text("node"))
    }

    /// A `version` row as the extracted document it was stored from.
    package static func extracted(_ version: some StoreRow, facts: [Fact]) -> ExtractedDocument {
        ExtractedDocument(
            title: version.text("title") ?? "", published: version.text("published"),
            authors: JSONText.decode([String].self, version.text("authors")) ?? [], editor: version.text("editor"),
            source: version.text("source_name"), issuer: version.text("issuer"), docNumber: version.text("doc_number"),
            written: version.text("written"), indexNumber: version.text("index_number"), siteName: version.text("site_name"),
            script: version.text("script") ?? "", text: version.text("text") ?? "",
            facts: facts, links: JSONText.decode([String].self, version.text("links")) ?? [],
            titleSimplified: version.text("title_simplified"), textSimplified: version.text("text_simplified"))
    }

    /// A row of `number, content_hash, raw_hash, fetched_at, title` from `version`.
    package static func versionSummary(_ row: some StoreRow) -> VersionSummary {
        VersionSummary(number: row.int("number") ?? 0, contentHash: row.text("content_hash") ?? "", rawHash: row.text("raw_hash") ?? "",
                       fetchedAt: row.date("fetched_at") ?? .distantPast, title: row.text("title") ?? "")
    }

    /// A row of `other, distance, overlap, url` from `near_duplicate` joined to the other document.
    package static func nearDuplicate(_ row: some StoreRow) -> NearDuplicateLink {
        NearDuplicateLink(id: row.integer("other") ?? 0, url: row.text("url") ?? "", distance: row.int("distance") ?? 0,
                          overlap: row.real("overlap"))
    }

    /// A row of `url, name, type, chars` from `attachment`.
    package static func attachmentSummary(_ row: some StoreRow) -> AttachmentSummary {
        AttachmentSummary(url: row.text("url") ?? "", name: row.text("name") ?? "", type: row.text("type") ?? "", chars: row.int("chars") ?? 0)
    }

    /// A `version` row's compared fields (`ComparedField` columns) with its text, attachments and facts, as a diff compares it.
    package static func snapshot(
        _ version: some StoreRow, attachments: [(name: String, text: String)], facts: [(kind: String, text: String)]
    ) -> DocumentSnapshot {
        var fields: [ComparedField: String] = [:]
        for field in ComparedField.allCases { fields[field] = version.text(field.column) }
        let mentions = facts.compactMap { fact in Fact.Kind(rawValue: fact.kind).map { FactMention(kind: $0, text: fact.text) } }
        let text = AttachmentContentRules.comparedText(page: version.text("text") ?? "", attachments: attachments)
        return DocumentSnapshot(fields: fields, text: text, facts: mentions)
    }

    /// A `document` row with its current version's extraction and what `show` lists beside it.
    package static func documentDetail(
        _ document: some StoreRow, current: ExtractedDocument, currentVersion: Int, versions: [VersionSummary],
        nearDuplicates: [NearDuplicateLink], attachments: [AttachmentSummary]
    ) -> DocumentDetail {
        DocumentDetail(
            id: document.integer("id") ?? 0, url: document.text("url") ?? "", source: document.text("source") ?? "",
            firstSeen: document.date("first_seen") ?? .distantPast, lastSeen: document.date("last_seen") ?? .distantPast,
            current: current, currentVersion: currentVersion, versions: versions, duplicateOf: document.integer("duplicate_of"),
            nearDuplicates: nearDuplicates, attachments: attachments)
    }

    /// A search result from a row of `url, source, title, published` with its score; the snippet comes from
    /// the first of `texts` (the page's, then its attachments') that holds a query term.
    package static func searchHit(
        _ row: some StoreRow, document: Int64, score: Double, texts: [(text: String, simplified: String)], query: String?
    ) -> SearchHit {
        SearchHit(document: document, url: row.text("url") ?? "", source: row.text("source") ?? "", title: row.text("title") ?? "",
                  published: row.text("published"), score: score, snippet: Snippet.make(texts: texts, query: query))
    }

    /// A `push_cursor` row with the `backlog` count `pushBacklogs` adds.
    package static func pushCursorState(_ row: some StoreRow) -> PushCursorState {
        PushCursorState(target: row.text("target") ?? "", seq: row.integer("seq") ?? 0, backlog: row.int("backlog") ?? 0)
    }
}
