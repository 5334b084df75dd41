import DocWatchCore
import DocWatchStore
import Foundation

extension PostgresStore {
    /// Stores a fetched page in one transaction: body, version, facts, attachments, search index,
    /// near-duplicate links, fetch-log row and the outbox event, as the SQLite backend does (see
    /// `PostgresVersionWriter` for what keeps two nodes storing the same URL at once apart).
    public func store(_ page: IngestedPage) throws(StoreError) -> StoreResult {
        try write("store \(page.url)") { (connection) throws(StoreError) in try PostgresVersionWriter(connection, page: page).run() }
    }

    /// Stores many pages in one transaction (bulk import, benchmarks): all or none.
    public func store(batch pages: [IngestedPage]) throws(StoreError) -> [StoreResult] {
        try write("store \(pages.count) pages") { (connection) throws(StoreError) in
            var results: [StoreResult] = []
            results.reserveCapacity(pages.count)
            for page in pages { results.append(try PostgresVersionWriter(connection, page: page).run()) }
            return results
        }
    }

    /// The attachments of a document's current version (for conditional re-fetching); empty for an
    /// unknown document.
    public func currentAttachments(document: Int64) throws(StoreError) -> [AttachmentRecord] {
        try read("read the attachments of document \(document)") { (connection) throws(StoreError) in
            guard let version = try connection.query("SELECT current_version FROM document WHERE id = $1", [document],
                                                     operation: "read the attachments of document \(document)").first?.int64("current_version")
            else { return [] }
            return try PostgresAttachmentRows.load(connection, version: version)
        }
    }
}
