import DocWatchCore
import GRDB

/// The SQL of near-duplicate links in SQLite (`NearDuplicateFlow` decides what they are).
enum NearDuplicates {
    static func link(_ db: Database, document: Int64, simhash: UInt64, simplifiedText: String) throws {
        try NearDuplicateFlow.link(SQLiteNearDuplicateRows(db: db), document: document, simhash: simhash, simplifiedText: simplifiedText)
    }
}

private struct SQLiteNearDuplicateRows: NearDuplicateRows {
    let db: Database

    func clear(document: Int64) throws {
        try db.cachedStatement(sql: "DELETE FROM simhash_band WHERE document = ?").execute(arguments: [document])
        try db.cachedStatement(sql: "DELETE FROM paragraph_hash WHERE document = ?").execute(arguments: [document])
        try db.cachedStatement(sql: "DELETE FROM near_duplicate WHERE document = ? OR other = ?").execute(arguments: [document, document])
    }

    func bandMatches(_ bands: [Int64], excluding document: Int64) throws -> [(id: Int64, simhash: Int64?)] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT d.id, d.simhash FROM simhash_band b JOIN document d ON d.id = b.document
            WHERE b.band IN (?, ?, ?, ?) AND b.document != ? AND d.duplicate_of IS NULL
            """), arguments: StatementArguments(bands + [document])).map { ($0["id"], $0["simhash"]) }
    }

    func paragraphHolders(_ hashes: [Int64], limit: Int) throws -> [Int64: [Int64]] {
        var holders: [Int64: [Int64]] = [:]
        for hash in hashes {
            holders[hash] = try Int64.fetchAll(db.cachedStatement(sql: "SELECT document FROM paragraph_hash WHERE hash = ? LIMIT ?"),
                                               arguments: [hash, limit])
        }
        return holders
    }

    func paragraphTotals(_ documents: [Int64]) throws -> [Int64: Int] {
        var totals: [Int64: Int] = [:]
        for document in documents {
            let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT (SELECT SUM(length) FROM paragraph_hash WHERE document = d.id) AS total
                FROM document d WHERE d.id = ? AND d.duplicate_of IS NULL
                """), arguments: [document])
            if let total: Int = row?["total"] { totals[document] = total }
        }
        return totals
    }

    func simhashes(_ documents: [Int64]) throws -> [Int64: Int64] {
        var hashes: [Int64: Int64] = [:]
        for document in documents {
            hashes[document] = try Int64.fetchOne(db.cachedStatement(sql: "SELECT simhash FROM document WHERE id = ?"), arguments: [document])
        }
        return hashes
    }

    func storeLinks(document: Int64, _ links: [NearDuplicateRule.Link]) throws {
        for link in links {
            for (a, b) in [(document, link.other), (link.other, document)] {
                try db.cachedStatement(sql: "INSERT OR REPLACE INTO near_duplicate (document, other, distance, overlap) VALUES (?, ?, ?, ?)")
                    .execute(arguments: [a, b, link.distance, link.overlap])
            }
        }
    }

    func storeIndex(document: Int64, bands: [Int64], paragraphs: [Int64: Int]) throws {
        for band in bands {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO simhash_band (band, document) VALUES (?, ?)").execute(arguments: [band, document])
        }
        for (hash, length) in paragraphs {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO paragraph_hash (hash, document, length) VALUES (?, ?, ?)")
                .execute(arguments: [hash, document, length])
        }
    }
}
