import DocWatchCore
import Foundation
import GRDB

extension DocWatchDatabase {
    /// Fetch-log rows, newest first (or, with `afterID`, oldest first from there), with their row ids.
    public func fetchLog(_ filter: FetchLogFilter) throws(StoreError) -> [(id: Int64, entry: FetchLogEntry)] {
        try read("read the fetch log") { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let source = filter.source { conditions.append("source = ?"); arguments.append(source) }
            if let outcome = filter.outcome { conditions.append("outcome = ?"); arguments.append(outcome.rawValue) }
            if let since = filter.since { conditions.append("time >= ?"); arguments.append(since) }
            if let after = filter.afterID { conditions.append("id > ?"); arguments.append(after) }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let order = filter.afterID == nil ? "DESC" : "ASC"
            arguments.append(filter.limit)
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM fetch_log \(whereClause) ORDER BY id \(order) LIMIT ?",
                                        arguments: StatementArguments(arguments))
            return rows.map(StoreRows.fetchLogEntry)
        }
    }

    /// Every configured source with its health, in id order.
    public func sourceHealth(includeRemoved: Bool = false) throws(StoreError) -> [SourceHealth] {
        try read("read source health") { db in
            try Row.fetchAll(db, sql: """
                SELECT s.*, (SELECT COUNT(*) FROM document d WHERE d.source = s.id) AS documents,
                       (SELECT MAX(first_seen) FROM document d WHERE d.source = s.id) AS last_new,
                       (SELECT v.title FROM document d JOIN version v ON v.id = d.current_version
                        WHERE d.source = s.id ORDER BY d.first_seen DESC, d.id DESC LIMIT 1) AS last_new_title
                FROM source s \(includeRemoved ? "" : "WHERE removed = 0") ORDER BY id
                """).map(StoreRows.sourceHealth)
        }
    }

    /// The document with this id, or stored under this URL (canonical or as given).
    public func document(_ reference: String) throws(StoreError) -> DocumentDetail? {
        try read("read document \(reference)") { db in
            let idRow: Row?
            if let id = Int64(reference) {
                idRow = try Row.fetchOne(db, sql: "SELECT * FROM document WHERE id = ?", arguments: [id])
            } else {
                let canonical = CanonicalURL.canonicalize(reference) ?? reference
                idRow = try Row.fetchOne(db, sql: "SELECT * FROM document WHERE url IN (?, ?)", arguments: [canonical, reference])
            }
            guard let row = idRow, let versionID: Int64 = row["current_version"],
                  let version = try Row.fetchOne(db, sql: "SELECT * FROM version WHERE id = ?", arguments: [versionID])
            else { return nil }
            let id: Int64 = row["id"]
            let facts = try String.fetchAll(db, sql: "SELECT data FROM fact WHERE version = ? ORDER BY \"offset\"", arguments: [versionID])
                .compactMap { JSONText.decode(Fact.self, $0) }
            let versions = try Row.fetchAll(db, sql: "SELECT number, content_hash, raw_hash, fetched_at, title FROM version WHERE document = ? ORDER BY number", arguments: [id])
                .map(StoreRows.versionSummary)
            let near = try Row.fetchAll(db, sql: """
                SELECT n.other, n.distance, n.overlap, d.url FROM near_duplicate n JOIN document d ON d.id = n.other
                WHERE n.document = ? ORDER BY n.distance, n.other
                """, arguments: [id])
                .map(StoreRows.nearDuplicate)
            return StoreRows.documentDetail(
                row, current: StoreRows.extracted(version, facts: facts), currentVersion: version["number"], versions: versions,
                nearDuplicates: near, attachments: try AttachmentRows.summaries(db, version: versionID))
        }
    }

    /// The stored text of version `number` of a document.
    public func versionText(document: Int64, number: Int) throws(StoreError) -> String? {
        try read("read a version") { db in
            try String.fetchOne(db, sql: "SELECT text FROM version WHERE document = ? AND number = ?", arguments: [document, number])
        }
    }

    /// The raw body stored under `rawHash`, decompressed; nil when absent or dropped by `keep_raw`.
    public func body(rawHash: String) throws(StoreError) -> [UInt8]? {
        let data = try read("read a body") { db in
            try Data.fetchOne(db, sql: "SELECT data FROM body WHERE raw_hash = ?", arguments: [rawHash])
        }
        return try StoredBody.decompressed(data.map { [UInt8]($0) }, rawHash: rawHash)
    }
}

/// The `body` table's `data`: zstd-compressed bytes, empty once `keep_raw` dropped them.
package enum StoredBody {
    /// The raw body from a stored `data` value; nil when absent or emptied.
    package static func decompressed(_ data: [UInt8]?, rawHash: String) throws(StoreError) -> [UInt8]? {
        guard let data, !data.isEmpty else { return nil }
        do {
            return try BodyCodec.decompress(data)
        } catch {
            throw StoreError(operation: "read the body \(rawHash)", message: error.description)
        }
    }
}
