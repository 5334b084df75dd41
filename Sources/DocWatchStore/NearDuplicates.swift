import DocWatchCore
import GRDB

/// Links near-duplicate documents (reposts with small edits, or in the other script), two ways:
///
/// - whole-text SimHash fingerprints within `SimHash.nearDuplicateDistance` bits. Each fingerprint
///   is cut into four 16-bit bands; two within 3 bits agree on at least one band (pigeonhole), so
///   candidates come from an index lookup, not a scan;
/// - shared paragraphs: a repost that drops or adds a paragraph moves a 64-bit SimHash by ~7 bits
///   for one paragraph in eight, too far for 3; so exact fingerprints of each paragraph (Simplified,
///   letters and digits only) are indexed too, and two documents sharing at least
///   `paragraphOverlap` of the shorter one's paragraph text are linked.
///
/// Every link stores the SimHash distance, whichever way it was found.
enum NearDuplicates {
    /// Share of the shorter document's paragraph characters that must be shared.
    static let paragraphOverlap = 0.8
    /// Paragraphs shorter than this (datelines, bylines) are not fingerprinted.
    static let minimumParagraph = 20
    /// Documents with less fingerprinted text than this are linked by SimHash only.
    static let minimumShared = 120
    /// A paragraph in more documents than this is boilerplate, not evidence of a repost.
    static let boilerplateDocuments = 50
    /// Links kept per new document, closest first: templated pages (one layout, a few changed words)
    /// would otherwise link every page to every other, quadratically.
    static let maxLinks = 20

    static func bands(_ simhash: UInt64) -> [Int64] {
        (0..<4).map { index in Int64(index) << 16 | Int64((simhash >> UInt64(index * 16)) & 0xffff) }
    }

    static func link(_ db: Database, document: Int64, simhash: UInt64, simplifiedText: String) throws {
        try db.execute(sql: "DELETE FROM simhash_band WHERE document = ?", arguments: [document])
        try db.execute(sql: "DELETE FROM paragraph_hash WHERE document = ?", arguments: [document])
        try db.execute(sql: "DELETE FROM near_duplicate WHERE document = ? OR other = ?", arguments: [document, document])
        guard simhash != 0 else { return }
        var links: [Int64: Double?] = [:]
        var knownHashes: [Int64: UInt64] = [:]
        let bandValues = bands(simhash)
        for row in try Row.fetchAll(db, sql: """
            SELECT DISTINCT d.id, d.simhash FROM simhash_band b JOIN document d ON d.id = b.document
            WHERE b.band IN (?, ?, ?, ?) AND b.document != ? AND d.duplicate_of IS NULL
            """, arguments: StatementArguments(bandValues + [document])) {
            guard let other: Int64 = row["simhash"] else { continue }
            knownHashes[row["id"]] = UInt64(bitPattern: other)
            if SimHash.distance(simhash, UInt64(bitPattern: other)) <= SimHash.nearDuplicateDistance { links[row["id"]] = .some(nil) }
        }
        let paragraphs = fingerprints(simplifiedText)
        let ownLength = paragraphs.values.reduce(0, +)
        if ownLength >= minimumShared {
            for candidate in try sharedParagraphs(db, paragraphs: paragraphs, excluding: document) {
                let overlap = Double(candidate.shared) / Double(min(ownLength, candidate.total))
                if candidate.shared >= minimumShared && overlap >= paragraphOverlap { links[candidate.document] = .some(overlap) }
            }
        }
        var ranked: [(other: Int64, distance: Int, overlap: Double?)] = []
        for (other, overlap) in links {
            let otherHash = try knownHashes[other]
                ?? UInt64(bitPattern: Int64.fetchOne(db.cachedStatement(sql: "SELECT simhash FROM document WHERE id = ?"), arguments: [other]) ?? 0)
            ranked.append((other, SimHash.distance(simhash, otherHash), overlap))
        }
        ranked.sort { ($0.distance, -($0.overlap ?? 1), $0.other) < ($1.distance, -($1.overlap ?? 1), $1.other) }
        for (other, distance, overlap) in ranked.prefix(maxLinks) {
            for (a, b) in [(document, other), (other, document)] {
                try db.cachedStatement(sql: "INSERT OR REPLACE INTO near_duplicate (document, other, distance, overlap) VALUES (?, ?, ?, ?)")
                    .execute(arguments: [a, b, distance, overlap ?? nil])
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
    /// A paragraph already in more than `boilerplateDocuments` documents is boilerplate (a disclaimer,
    /// a standard closing line) and links nothing; each lookup reads at most that many rows.
    private static func sharedParagraphs(_ db: Database, paragraphs: [Int64: Int], excluding document: Int64) throws -> [(document: Int64, shared: Int, total: Int)] {
        var shared: [Int64: Int] = [:]
        for (hash, length) in paragraphs {
            let holders = try Int64.fetchAll(db.cachedStatement(sql: "SELECT document FROM paragraph_hash WHERE hash = ? LIMIT ?"),
                                             arguments: [hash, boilerplateDocuments + 1])
            guard holders.count <= boilerplateDocuments else { continue }
            for holder in holders where holder != document { shared[holder, default: 0] += length }
        }
        return try shared.compactMap { other, characters in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT (SELECT SUM(length) FROM paragraph_hash WHERE document = d.id) AS total
                FROM document d WHERE d.id = ? AND d.duplicate_of IS NULL
                """, arguments: [other]), let total: Int = row["total"] else { return nil }
            return (other, characters, total)
        }
    }

    /// Paragraph fingerprint → its length in letters and digits, for paragraphs long enough to count.
    static func fingerprints(_ simplifiedText: String) -> [Int64: Int] {
        var out: [Int64: Int] = [:]
        for line in simplifiedText.split(separator: "\n") {
            var hash = FNV1a()
            var length = 0
            for scalar in line.unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                hash.combine(scalar.value)
                length += 1
            }
            if length >= minimumParagraph { out[Int64(bitPattern: hash.value)] = length }
        }
        return out
    }
}
