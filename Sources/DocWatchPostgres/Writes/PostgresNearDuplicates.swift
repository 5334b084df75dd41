import DocWatchCore
import DocWatchStore

/// The SQL of near-duplicate links on PostgreSQL (SQLite's `NearDuplicates`): candidates from the SimHash
/// band and paragraph-fingerprint indexes, `NearDuplicateRule` decides and ranks, the kept links are
/// stored both ways with the document's own index rows. Lookups over many keys are one statement each
/// (`unnest`), not one per paragraph.
enum PostgresNearDuplicates {
    static func link(_ connection: PostgresConnection, document: Int64, simhash: UInt64, simplifiedText: String) throws(StoreError) {
        let operation = "link near duplicates of document \(document)"
        try connection.query("DELETE FROM simhash_band WHERE document = $1", [document], operation: operation)
        try connection.query("DELETE FROM paragraph_hash WHERE document = $1", [document], operation: operation)
        try connection.query("DELETE FROM near_duplicate WHERE document = $1 OR other = $1", [document], operation: operation)
        guard simhash != 0 else { return }
        var links: [Int64: Double?] = [:]
        var knownHashes: [Int64: UInt64] = [:]
        let bandValues = NearDuplicateRule.bands(simhash)
        for row in try connection.query("""
            SELECT DISTINCT d.id, d.simhash FROM simhash_band b JOIN document d ON d.id = b.document
            WHERE b.band = ANY($1::bigint[]) AND b.document != $2 AND d.duplicate_of IS NULL
            """, [PostgresTextArray(bandValues.map(String.init)), document], operation: operation) {
            guard let id = row.int64("id"), let other = row.int64("simhash") else { continue }
            knownHashes[id] = UInt64(bitPattern: other)
            if NearDuplicateRule.isNear(simhash, UInt64(bitPattern: other)) { links[id] = .some(nil) }
        }
        let paragraphs = NearDuplicateRule.paragraphFingerprints(simplifiedText)
        let ownTotal = paragraphs.values.reduce(0, +)
        if NearDuplicateRule.countsParagraphs(total: ownTotal) {
            for candidate in try sharedParagraphs(connection, paragraphs: paragraphs, excluding: document) {
                if let overlap = NearDuplicateRule.paragraphLink(shared: candidate.shared, ownTotal: ownTotal, otherTotal: candidate.total) {
                    links[candidate.document] = .some(overlap)
                }
            }
        }
        let unknown = links.keys.filter { knownHashes[$0] == nil }
        if !unknown.isEmpty {
            for row in try connection.query("SELECT id, simhash FROM document WHERE id = ANY($1::bigint[])",
                                            [PostgresTextArray(unknown.map { String($0) })], operation: operation) {
                guard let id = row.int64("id") else { continue }
                knownHashes[id] = UInt64(bitPattern: row.int64("simhash") ?? 0)
            }
        }
        let candidates = links.map { other, overlap in
            NearDuplicateRule.Link(other: other, distance: SimHash.distance(simhash, knownHashes[other] ?? 0), overlap: overlap)
        }
        for link in NearDuplicateRule.kept(candidates) {
            try connection.query("""
                INSERT INTO near_duplicate (document, other, distance, overlap) VALUES ($1, $2, $3, $4), ($2, $1, $3, $4)
                ON CONFLICT (document, other) DO UPDATE SET distance = excluded.distance, overlap = excluded.overlap
                """, [document, link.other, link.distance, link.overlap], operation: operation)
        }
        try connection.query("""
            INSERT INTO simhash_band (band, document) SELECT band, $2 FROM unnest($1::bigint[]) AS b(band)
            ON CONFLICT DO NOTHING
            """, [PostgresTextArray(bandValues.map(String.init)), document], operation: operation)
        guard !paragraphs.isEmpty else { return }
        try connection.query("""
            INSERT INTO paragraph_hash (hash, document, length) SELECT p.hash, $3, p.length
            FROM unnest($1::bigint[], $2::integer[]) AS p(hash, length)
            ON CONFLICT DO NOTHING
            """, [PostgresTextArray(paragraphs.keys.map(String.init)), PostgresTextArray(paragraphs.values.map(String.init)), document],
            operation: operation)
    }

    /// For every other (non-duplicate) document sharing a paragraph: characters shared and its total.
    ///
    /// A paragraph already in more than `NearDuplicateRule.boilerplateDocuments` documents is boilerplate
    /// and links nothing; each paragraph's lookup reads at most that many rows plus one.
    private static func sharedParagraphs(
        _ connection: PostgresConnection, paragraphs: [Int64: Int], excluding document: Int64
    ) throws(StoreError) -> [(document: Int64, shared: Int, total: Int)] {
        let operation = "find paragraphs document \(document) shares"
        let boilerplate = NearDuplicateRule.boilerplateDocuments
        var holders: [Int64: [Int64]] = [:]
        for row in try connection.query("""
            SELECT h.hash, p.document FROM unnest($1::bigint[]) AS h(hash)
            CROSS JOIN LATERAL (SELECT document FROM paragraph_hash WHERE hash = h.hash LIMIT $2) AS p
            """, [PostgresTextArray(paragraphs.keys.map(String.init)), boilerplate + 1], operation: operation) {
            guard let hash = row.int64("hash"), let holder = row.int64("document") else { continue }
            holders[hash, default: []].append(holder)
        }
        var shared: [Int64: Int] = [:]
        for (hash, documents) in holders where documents.count <= boilerplate {
            let length = paragraphs[hash] ?? 0
            for holder in documents where holder != document { shared[holder, default: 0] += length }
        }
        guard !shared.isEmpty else { return [] }
        var totals: [Int64: Int] = [:]
        for row in try connection.query("""
            SELECT d.id, (SELECT SUM(length) FROM paragraph_hash WHERE document = d.id) AS total
            FROM document d WHERE d.id = ANY($1::bigint[]) AND d.duplicate_of IS NULL
            """, [PostgresTextArray(shared.keys.map { String($0) })], operation: operation) {
            guard let id = row.int64("id"), let total = row.int("total") else { continue }
            totals[id] = total
        }
        return shared.compactMap { other, characters in totals[other].map { (other, characters, $0) } }
    }
}
