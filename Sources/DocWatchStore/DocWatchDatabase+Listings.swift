import DocWatchCore
import Foundation
import GRDB

/// The validators of a list page, feed or sitemap from its last successful fetch.
public struct ListingState: Sendable, Equatable {
    public var etag: String?
    public var lastModified: String?
    public var rawHash: String?

    public init(etag: String?, lastModified: String?, rawHash: String?) {
        self.etag = etag
        self.lastModified = lastModified
        self.rawHash = rawHash
    }
}

extension DocWatchDatabase {
    public func listingState(url: String) throws(StoreError) -> ListingState? {
        try read("read listing state") { db in
            try Row.fetchOne(db, sql: "SELECT etag, last_modified, raw_hash FROM listing WHERE url = ?", arguments: [url])
                .map { ListingState(etag: $0["etag"], lastModified: $0["last_modified"], rawHash: $0["raw_hash"]) }
        }
    }

    /// Records a fetched listing (its validators and how many links it gave) and its fetch-log row.
    public func recordListing(_ entry: FetchLogEntry, state: ListingState, links: Int) throws(StoreError) {
        try write("record the listing \(entry.url)") { db in
            try Self.insertLog(entry, db)
            try db.execute(sql: """
                INSERT INTO listing (url, source, etag, last_modified, raw_hash, fetched_at, links) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(url) DO UPDATE SET source = excluded.source, etag = excluded.etag,
                    last_modified = excluded.last_modified, raw_hash = excluded.raw_hash,
                    fetched_at = excluded.fetched_at, links = excluded.links
                """, arguments: [entry.url, entry.source, state.etag, state.lastModified, state.rawHash, entry.time, links])
        }
    }

    /// Forgets a listing's validators and body hash, so its next fetch is a full GET that is parsed even
    /// if unchanged (new links are still waiting). Keeping the ETag would get a 304 and strand them.
    public func forgetListingHash(url: String) throws(StoreError) {
        try write("update the listing \(url)") { db in
            try db.execute(sql: "UPDATE listing SET raw_hash = NULL, etag = NULL, last_modified = NULL WHERE url = ?",
                           arguments: [url])
        }
    }

    /// Which of `urls` (canonical) are stored documents, with the hint they were last fetched under.
    public func knownDocuments(_ urls: [String]) throws(StoreError) -> [String: String?] {
        guard !urls.isEmpty else { return [:] }
        return try read("look up known documents") { db in
            var known: [String: String?] = [:]
            for chunk in stride(from: 0, to: urls.count, by: 500).map({ Array(urls[$0..<min($0 + 500, urls.count)]) }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                for row in try Row.fetchAll(db, sql: "SELECT url, hint FROM document WHERE url IN (\(marks))", arguments: StatementArguments(chunk)) {
                    known[row["url"]] = .some(row["hint"])
                }
            }
            return known
        }
    }

    /// Documents of `source` not fetched since `date` (and, given `firstSeenAfter`, first seen after
    /// it), oldest fetch first: the ones a `recheck` makes due.
    public func documentsToRecheck(
        source: String, lastSeenBefore date: Date, firstSeenAfter: Date? = nil, limit: Int
    ) throws(StoreError) -> [String] {
        try read("find documents to recheck") { db in
            try String.fetchAll(db, sql: """
                SELECT url FROM document WHERE source = ? AND last_seen < ? AND (? IS NULL OR first_seen > ?)
                ORDER BY last_seen LIMIT ?
                """, arguments: [source, date, firstSeenAfter, firstSeenAfter, limit])
        }
    }
}
