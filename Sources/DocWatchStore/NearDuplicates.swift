import DocWatchCore
import GRDB

/// The SQL of near-duplicate links: finds candidates in the SimHash band and paragraph-fingerprint
/// indexes, lets `NearDuplicateRule` decide and rank, and stores the links it keeps (both ways) and the
/// document's own index rows.
enum NearDuplicates {
    static func link(_ db: Database, document: Int64, simhash: UInt64, simplifiedText: String) throws {
        try db.cachedStatement(sql: "DELETE FROM simhash_band WHERE document = ?").execute(arguments: [document])
        try db.cachedStatement(sql: "DELETE FROM paragraph_hash WHERE document = ?").execute(arguments: [document])
        try db.cachedStatement(sql: "DELETE FROM near_duplicate WHERE document = ? OR other = ?").execute(arguments: [document, document])
        guard simhash != 0 else { return }
        var links: [Int64: Double?] = [:]
        var knownHashes: [Int64: UInt64] = [:]
        let bandValues = NearDuplicateRule.bands(simhash)
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT d.id, d.simhash FROM simhash_band b JOIN document d ON d.id = b.document
            WHERE b.band IN (?, ?, ?, ?) AND b.document != ? AND d.duplicate_of IS NULL
            """), arguments: StatementArguments(bandValues + [document])) {
            guard let other: Int64 = row["simhash"] else { continue }
            knownHashes[row["id"]] = UInt64(bitPattern: other)
            if NearDuplicateRule.isNear(simhash, UInt64(bitPattern: other)) { links[row["id"]] = .some(nil) }
        }
        let paragraphs = NearDuplicateRule.paragraphFingerprints(simplifiedText)
        let ownTotal = paragraphs.values.reduce(0, +)
        if NearDuplicateRule.countsParagraphs(total: ownTotal) {
            for candidate in try sharedParagraphs(db, paragraphs: paragraphs, excluding: document) {
                if let overlap = NearDuplicateRule.paragraphLink(shared: candidate.shared, ownTotal: ownTotal, otherTotal: candidate.total) {
                    links[candidate.document] = .some(overlap)
                }
            }
        }
        var candidates: [NearDuplicateRule.Link] = []
        for (other, overlap) in links {
            let otherHash = try knownHashes[other]
                ?? UInt64(bitPattern: Int64.fetchOne(db.cachedStatement(sql: "SELECT simhash FROM document WHERE id = ?"), arguments: [other]) ?? 0)
            candidates.append(NearDuplicateRule.Link(other: other, distance: SimHash.distance(simhash, otherHash), overlap: overlap))
        }
        for link in NearDuplicateRule.kept(candidates) {
            for (a, b) in [(document, link.other), (link.other, document)] {
                try db.cachedStatement(sql: "INSERT OR REPLACE INTO near_duplicate (document, other, distance, overlap) VALUES (?, ?, ?, ?)")
                    .execute(arguments: [a, b, link.distance, link.overlap])
            }
        }
        for band in bandValues {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO simhash_band (band, document) VALUES (?, ?)").execute(arguments: [band, document])
        }
        for (hash, length) in paragraphs {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO paragraph_hash (hash, document, length) VALUES (?, ?, ?)")
                .execute(arguments: [hash, document, length])
        }
    }

    /// For every other (non-duplicate) document sharing a paragraph: characters shared and its total.
    ///
    /// A paragraph already in more than `NearDuplicateRule.boilerplateDocuments` documents is boilerplate
    /// (a disclaimer, a standard closing line) and links nothing; each lookup reads at most that many rows.
    private static func sharedParagraphs(_ db: Database, paragraphs: [Int64: Int], excluding document: Int64) throws -> [(document: Int64, shared: Int, total: Int)] {
        let boilerplate = NearDuplicateRule.boilerplateDocuments
        var shared: [Int64: Int] = [:]
        for (hash, length) in paragraphs {
            let holders = try Int64.fetchAll(db.cachedStatement(sql: "SELECT document FROM paragraph_hash WHERE hash = ? LIMIT ?"),
                                             arguments: [hash, boilerplate + 1])
            guard holders.count <= boilerplate else { continue }
            for holder in holders where holder != document { shared[holder, default: 0] += length }
        }
        return try shared.compactMap { other, characters in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT (SELECT SUM(length) FROM paragraph_hash WHERE document = d.id) AS total
                FROM document d WHERE d.id = ? AND d.duplicate_of IS NULL
                """), arguments: [other]), let total: Int = row["total"] else { return nil }
            return (other, characters, total)
        }
    }
}
