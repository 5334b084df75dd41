import DocWatchStore

/// Rows of `fetch_log`, written inside the transaction of the poll or version they record.
enum PostgresFetchLog {
    static func insert(_ entry: FetchLogEntry, _ connection: PostgresConnection) throws(StoreError) {
        try connection.query("""
            INSERT INTO fetch_log (time, source, url, status, outcome, bytes, ms, error) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, [entry.time, entry.source, entry.url, entry.status, entry.outcome.rawValue, entry.bytes, entry.ms, entry.error],
            operation: "log the fetch of \(entry.url)")
    }

    /// Many rows in one statement (queued polls): one round trip and one parse for a thousand 304s.
    static func insert(_ entries: [FetchLogEntry], _ connection: PostgresConnection) throws(StoreError) {
        guard entries.count > 1 else {
            if let entry = entries.first { try insert(entry, connection) }
            return
        }
        try connection.query("""
            INSERT INTO fetch_log (time, source, url, status, outcome, bytes, ms, error)
            SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::integer[], $5::text[], $6::bigint[],
                                 $7::bigint[], $8::text[])
            """, [PostgresTextArray(entries.map(\.time)), PostgresTextArray(entries.map(\.source)),
                  PostgresTextArray(entries.map(\.url)), PostgresTextArray(entries.map(\.status)),
                  PostgresTextArray(entries.map(\.outcome.rawValue)), PostgresTextArray(entries.map(\.bytes)),
                  PostgresTextArray(entries.map(\.ms)), PostgresTextArray(entries.map(\.error))],
            operation: "log \(entries.count) fetches")
    }
}
