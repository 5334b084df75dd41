import DocWatchCore
import DocWatchStore

/// The near-duplicate indexes in PostgreSQL (`NearDuplicateFlow` decides the links). Lookups over many
/// keys are one statement each (`unnest`, `= ANY`), not one per paragraph.
struct PostgresNearDuplicateRows: NearDuplicateRows {
    let connection: PostgresConnection
    private let operation = "link near duplicates"

    func clear(document: Int64) throws(StoreError) {
        try connection.query("DELETE FROM simhash_band WHERE document = $1", [document], operation: operation)
        try connection.query("DELETE FROM paragraph_hash WHERE document = $1", [document], operation: operation)
        try connection.query("DELETE FROM near_duplicate WHERE document = $1 OR other = $1", [document], operation: operation)
    }

    func bandMatches(_ bands: [Int64], excluding document: Int64) throws(StoreError) -> [(id: Int64, simhash: Int64?)] {
        try connection.query("""
            SELECT DISTINCT d.id, d.simhash FROM simhash_band b JOIN document d ON d.id = b.document
            WHERE b.band = ANY($1::bigint[]) AND b.document != $2 AND d.duplicate_of IS NULL
            """, [Self.array(bands), document], operation: operation).compactMap { row in row.int64("id").map { ($0, row.int64("simhash")) } }
    }

    func paragraphHolders(_ hashes: [Int64], limit: Int) throws(StoreError) -> [Int64: [Int64]] {
        var holders: [Int64: [Int64]] = [:]
        for row in try connection.query("""
            SELECT h.hash, p.document FROM unnest($1::bigint[]) AS h(hash)
            CROSS JOIN LATERAL (SELECT document FROM paragraph_hash WHERE hash = h.hash LIMIT $2) AS p
            """, [Self.array(hashes), limit], operation: operation) {
            guard let hash = row.int64("hash"), let holder = row.int64("document") else { continue }
            holders[hash, default: []].append(holder)
        }
        return holders
    }

    func paragraphTotals(_ documents: [Int64]) throws(StoreError) -> [Int64: Int] {
        var totals: [Int64: Int] = [:]
        for row in try connection.query("""
            SELECT d.id, (SELECT SUM(length) FROM paragraph_hash WHERE document = d.id) AS total
            FROM document d WHERE d.id = ANY($1::bigint[]) AND d.duplicate_of IS NULL
            """, [Self.array(documents)], operation: operation) {
            guard let id = row.int64("id"), let total = row.int("total") else { continue }
            totals[id] = total
        }
        return totals
    }

    func simhashes(_ documents: [Int64]) throws(StoreError) -> [Int64: Int64] {
        var hashes: [Int64: Int64] = [:]
        for row in try connection.query("SELECT id, simhash FROM document WHERE id = ANY($1::bigint[])", [Self.array(documents)],
                                        operation: operation) {
            guard let id = row.int64("id"), let hash = row.int64("simhash") else { continue }
            hashes[id] = hash
        }
        return hashes
    }

    func storeLinks(document: Int64, _ links: [NearDuplicateRule.Link]) throws(StoreError) {
        for link in links {
            try connection.query("""
                INSERT INTO near_duplicate (document, other, distance, overlap) VALUES ($1, $2, $3, $4), ($2, $1, $3, $4)
                ON CONFLICT (document, other) DO UPDATE SET distance = excluded.distance, overlap = excluded.overlap
                """, [document, link.other, link.distance, link.overlap], operation: operation)
        }
    }

    func storeIndex(document: Int64, bands: [Int64], paragraphs: [Int64: Int]) throws(StoreError) {
        try connection.query("""
            INSERT INTO simhash_band (band, document) SELECT band, $2 FROM unnest($1::bigint[]) AS b(band)
            ON CONFLICT DO NOTHING
            """, [Self.array(bands), document], operation: operation)
        guard !paragraphs.isEmpty else { return }
        let entries = Array(paragraphs)
        try connection.query("""
            INSERT INTO paragraph_hash (hash, document, length) SELECT p.hash, $3, p.length
            FROM unnest($1::bigint[], $2::integer[]) AS p(hash, length)
            ON CONFLICT DO NOTHING
            """, [Self.array(entries.map(\.key)), PostgresTextArray(entries.map { String($0.value) }), document], operation: operation)
    }

    /// Integers as a text array literal, cast to `bigint[]` in the statement.
    private static func array(_ values: [Int64]) -> PostgresTextArray {
        PostgresTextArray(values.map { String($0) })
    }
}
