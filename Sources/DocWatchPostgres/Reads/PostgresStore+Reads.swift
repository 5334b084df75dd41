import DocWatchCore
import DocWatchStore
import Foundation

extension PostgresStore {
    /// Every configured source with its health, in id order; `node` is the daemon holding its lease, else
    /// the last one that polled it.
    public func sourceHealth(includeRemoved: Bool) throws(StoreError) -> [SourceHealth] {
        try read("read source health") { connection throws(StoreError) in
            try connection.query("""
                SELECT s.*, COALESCE(s.lease_node, s.last_node) AS node,
                       (SELECT COUNT(*) FROM document d WHERE d.source = s.id) AS documents,
                       (SELECT MAX(first_seen) FROM document d WHERE d.source = s.id) AS last_new,
                       (SELECT v.title FROM document d JOIN version v ON v.id = d.current_version
                        WHERE d.source = s.id ORDER BY d.first_seen DESC, d.id DESC LIMIT 1) AS last_new_title
                FROM source s \(includeRemoved ? "" : "WHERE removed = 0") ORDER BY s.id COLLATE "C"
                """, operation: "read source health").map(StoreRows.sourceHealth)
        }
    }

    /// When each configured source last polled successfully, by id (sources never polled are absent).
    public func lastSuccesses() throws(StoreError) -> [String: Date] {
        try read("read last successes") { connection throws(StoreError) in
            var out: [String: Date] = [:]
            for row in try connection.query(
                "SELECT id, last_success FROM source WHERE removed = 0 AND last_success IS NOT NULL", operation: "read last successes") {
                if let id = row.string("id"), let date = row.date("last_success") { out[id] = date }
            }
            return out
        }
    }

    /// Fetch-log rows, newest first (or, with `afterID`, oldest first from there), with their row ids.
    public func fetchLog(_ filter: FetchLogFilter) throws(StoreError) -> [(id: Int64, entry: FetchLogEntry)] {
        var conditions: [String] = []
        var parameters: [any PostgresBindable] = []
        func bind(_ value: any PostgresBindable) -> String {
            parameters.append(value)
            return "$\(parameters.count)"
        }
        if let source = filter.source { conditions.append("source = \(bind(source))") }
        if let outcome = filter.outcome { conditions.append("outcome = \(bind(outcome.rawValue))") }
        if let since = filter.since { conditions.append("time >= \(bind(since))") }
        if let after = filter.afterID { conditions.append("id > \(bind(after))") }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let order = filter.afterID == nil ? "DESC" : "ASC"
        let sql = "SELECT * FROM fetch_log \(whereClause) ORDER BY id \(order) LIMIT \(bind(Self.sqlLimit(filter.limit)))"
        return try read("read the fetch log") { connection throws(StoreError) in
            try connection.query(sql, parameters, operation: "read the fetch log").map(StoreRows.fetchLogEntry)
        }
    }

    /// The stored text of version `number` of a document.
    public func versionText(document: Int64, number: Int) throws(StoreError) -> String? {
        try read("read a version") { connection throws(StoreError) in
            try connection.query("SELECT text FROM version WHERE document = $1 AND number = $2", [document, number],
                                 operation: "read a version").first?.string("text")
        }
    }

    /// The raw body stored under `rawHash`, decompressed; nil when absent or dropped by `keep_raw`.
    /// The one place a body is read: an object store keyed by the hash would be asked here instead.
    public func body(rawHash: String) throws(StoreError) -> [UInt8]? {
        let data = try read("read a body") { connection throws(StoreError) in
            try connection.query("SELECT data FROM body WHERE raw_hash = $1", [rawHash], operation: "read a body").first?.bytes("data")
        }
        return try StoredBody.decompressed(data, rawHash: rawHash)
    }

    /// Counts documents and versions (a full count on PostgreSQL too, so callers cache it).
    public func storeCounts() throws(StoreError) -> StoreCounts {
        try read("count documents and versions") { connection throws(StoreError) in
            let row = try connection.query("""
                SELECT (SELECT count(*) FROM document) AS documents, (SELECT count(*) FROM version) AS versions
                """, operation: "count documents and versions").first
            return StoreCounts(documents: row?.int("documents") ?? 0, versions: row?.int("versions") ?? 0)
        }
    }
}
