import DocWatchStore

/// Rows of `fetch_log`, written inside the transaction of the poll or version they record.
enum PostgresFetchLog {
    static func insert(_ entry: FetchLogEntry, _ connection: PostgresConnection) throws(StoreError) {
        try connection.query("""
            INSERT INTO fetch_log (time, source, url, status, outcome, bytes, ms, error) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, [entry.time, entry.source, entry.url, entry.status, entry.outcome.rawValue, entry.bytes, entry.ms, entry.error],
            operation: "log the fetch of \(entry.url)")
    }
}
