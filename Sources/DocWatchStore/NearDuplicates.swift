import DocWatchCore
import GRDB

/// Links documents whose SimHash fingerprints differ in at most `SimHash.nearDuplicateDistance` bits.
///
/// Each fingerprint is cut into four 16-bit bands; two fingerprints within 3 bits of each other agree
/// on at least one band (pigeonhole), so candidates come from an index lookup, not a scan.
enum NearDuplicates {
    static func bands(_ simhash: UInt64) -> [Int64] {
        (0..<4).map { index in Int64(index) << 16 | Int64((simhash >> UInt64(index * 16)) & 0xffff) }
    }

    static func link(_ db: Database, document: Int64, simhash: UInt64) throws {
        try db.execute(sql: "DELETE FROM simhash_band WHERE document = ?", arguments: [document])
        try db.execute(sql: "DELETE FROM near_duplicate WHERE document = ? OR other = ?", arguments: [document, document])
        guard simhash != 0 else { return }
        let bandValues = bands(simhash)
        let candidates = try Row.fetchAll(db, sql: """
            SELECT DISTINCT d.id, d.simhash FROM simhash_band b JOIN document d ON d.id = b.document
            WHERE b.band IN (?, ?, ?, ?) AND b.document != ? AND d.duplicate_of IS NULL
            """, arguments: StatementArguments(bandValues + [document]))
        for candidate in candidates {
            guard let other: Int64 = candidate["simhash"] else { continue }
            let distance = SimHash.distance(simhash, UInt64(bitPattern: other))
            guard distance <= SimHash.nearDuplicateDistance else { continue }
            let otherID: Int64 = candidate["id"]
            for (a, b) in [(document, otherID), (otherID, document)] {
                try db.execute(sql: "INSERT OR REPLACE INTO near_duplicate (document, other, distance) VALUES (?, ?, ?)",
                               arguments: [a, b, distance])
            }
        }
        for band in bandValues {
            try db.execute(sql: "INSERT OR IGNORE INTO simhash_band (band, document) VALUES (?, ?)", arguments: [band, document])
        }
    }
}
