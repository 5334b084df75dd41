import DocWatchCore
import DocWatchStore
import Foundation

extension PostgresStore {
    public func listingState(url: String) throws(StoreError) -> ListingState? {
        try pool.withConnection { (connection) throws(StoreError) in
            try connection.query("SELECT etag, last_modified, raw_hash FROM listing WHERE url = $1", [url], operation: "read listing state")
                .first.map { ListingState(etag: $0.string("etag"), lastModified: $0.string("last_modified"), rawHash: $0.string("raw_hash")) }
        }
    }

    /// Records a fetched listing (its validators and how many links it gave) and its fetch-log row.
    public func recordListing(_ entry: FetchLogEntry, state: ListingState, links: Int) throws(StoreError) {
        try write("record the listing \(entry.url)") { (connection) throws(StoreError) in
            try PostgresFetchLog.insert(entry, connection)
            try connection.query("""
                INSERT INTO listing (url, source, etag, last_modified, raw_hash, fetched_at, links) VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (url) DO UPDATE SET source = excluded.source, etag = excluded.etag,
                    last_modified = excluded.last_modified, raw_hash = excluded.raw_hash,
                    fetched_at = excluded.fetched_at, links = excluded.links
                """, [entry.url, entry.source, state.etag, state.lastModified, state.rawHash, entry.time, links],
                operation: "record the listing \(entry.url)")
        }
    }

    /// Forgets a listing's validators and body hash, so its next fetch is a full GET that is parsed even
    /// if unchanged (new links are still waiting).
    public func forgetListingHash(url: String) throws(StoreError) {
        try write("update the listing \(url)") { (connection) throws(StoreError) -> Void in
            try connection.query("UPDATE listing SET raw_hash = NULL, etag = NULL, last_modified = NULL WHERE url = $1", [url],
                                 operation: "update the listing \(url)")
        }
    }

    /// Which of `urls` (canonical) are stored documents, with the hint they were last fetched under.
    public func knownDocuments(_ urls: [String]) throws(StoreError) -> [String: String?] {
        guard !urls.isEmpty else { return [:] }
        return try pool.withConnection { (connection) throws(StoreError) in
            var known: [String: String?] = [:]
            for row in try connection.query("SELECT url, hint FROM document WHERE url = ANY($1::text[])", [PostgresTextArray(urls)],
                                            operation: "look up known documents") {
                guard let url = row.string("url") else { continue }
                known[url] = .some(row.string("hint"))
            }
            return known
        }
    }

    /// Documents of `source` not fetched since `date` (and, given `firstSeenAfter`, first seen after
    /// it), oldest fetch first (ties by id, as SQLite's index gives them): the ones a `recheck` makes due.
    public func documentsToRecheck(
        source: String, lastSeenBefore date: Date, firstSeenAfter: Date?, limit: Int
    ) throws(StoreError) -> [String] {
        try pool.withConnection { (connection) throws(StoreError) in
            try connection.query("""
                SELECT url FROM document WHERE source = $1 AND last_seen < $2 AND ($3::timestamptz IS NULL OR first_seen > $3)
                ORDER BY last_seen, id LIMIT $4
                """, [source, date, firstSeenAfter, limit], operation: "find documents to recheck").compactMap { $0.string("url") }
        }
    }
}
