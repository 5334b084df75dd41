import DocWatchCore

/// What one backend reads and writes of the near-duplicate indexes for `NearDuplicateFlow`.
package protocol NearDuplicateRows {
    /// Removes the document's own index rows and every link to or from it.
    func clear(document: Int64) throws
    /// Other non-duplicate documents with one of `bands`, and their SimHash.
    func bandMatches(_ bands: [Int64], excluding document: Int64) throws -> [(id: Int64, simhash: Int64?)]
    /// For each paragraph hash, up to `limit` documents holding it (in any order).
    func paragraphHolders(_ hashes: [Int64], limit: Int) throws -> [Int64: [Int64]]
    /// The fingerprinted paragraph characters of each of `documents` that is not a duplicate and has any.
    func paragraphTotals(_ documents: [Int64]) throws -> [Int64: Int]
    /// The stored SimHash of each of `documents` (absent or NULL ones left out).
    func simhashes(_ documents: [Int64]) throws -> [Int64: Int64]
    /// Stores each link both ways, replacing an older one between the same two documents.
    func storeLinks(document: Int64, _ links: [NearDuplicateRule.Link]) throws
    /// The document's own rows in the SimHash band and paragraph indexes.
    func storeIndex(document: Int64, bands: [Int64], paragraphs: [Int64: Int]) throws
}

/// Near-duplicate links, the same on every backend: candidates from the SimHash band and paragraph
/// indexes, `NearDuplicateRule` decides and ranks, the kept links and the document's index rows are stored.
package enum NearDuplicateFlow {
    package static func link(_ rows: some NearDuplicateRows, document: Int64, simhash: UInt64, simplifiedText: String) throws {
        try rows.clear(document: document)
        guard simhash != 0 else { return }
        var links: [Int64: Double?] = [:]
        var knownHashes: [Int64: UInt64] = [:]
        let bands = NearDuplicateRule.bands(simhash)
        for match in try rows.bandMatches(bands, excluding: document) {
            guard let other = match.simhash else { continue }
            knownHashes[match.id] = UInt64(bitPattern: other)
            if NearDuplicateRule.isNear(simhash, UInt64(bitPattern: other)) { links[match.id] = .some(nil) }
        }
        let paragraphs = NearDuplicateRule.paragraphFingerprints(simplifiedText)
        let ownTotal = paragraphs.values.reduce(0, +)
        if NearDuplicateRule.countsParagraphs(total: ownTotal) {
            for candidate in try sharedParagraphs(rows, paragraphs: paragraphs, excluding: document) {
                if let overlap = NearDuplicateRule.paragraphLink(shared: candidate.shared, ownTotal: ownTotal, otherTotal: candidate.total) {
                    links[candidate.document] = .some(overlap)
                }
            }
        }
        let unknown = links.keys.filter { knownHashes[$0] == nil }
        if !unknown.isEmpty {
            for (id, hash) in try rows.simhashes(unknown) { knownHashes[id] = UInt64(bitPattern: hash) }
        }
        let candidates = links.map { other, overlap in
            NearDuplicateRule.Link(other: other, distance: SimHash.distance(simhash, knownHashes[other] ?? 0), overlap: overlap)
        }
        try rows.storeLinks(document: document, NearDuplicateRule.kept(candidates))
        try rows.storeIndex(document: document, bands: bands, paragraphs: paragraphs)
    }

    /// For every other (non-duplicate) document sharing a paragraph: characters shared and its total.
    ///
    /// A paragraph already in more than `NearDuplicateRule.boilerplateDocuments` documents is boilerplate
    /// (a disclaimer, a standard closing line) and links nothing; each lookup reads at most that many rows.
    private static func sharedParagraphs(
        _ rows: some NearDuplicateRows, paragraphs: [Int64: Int], excluding document: Int64
    ) throws -> [(document: Int64, shared: Int, total: Int)] {
        let boilerplate = NearDuplicateRule.boilerplateDocuments
        var shared: [Int64: Int] = [:]
        for (hash, holders) in try rows.paragraphHolders(Array(paragraphs.keys), limit: boilerplate + 1) where holders.count <= boilerplate {
            for holder in holders where holder != document { shared[holder, default: 0] += paragraphs[hash] ?? 0 }
        }
        guard !shared.isEmpty else { return [] }
        let totals = try rows.paragraphTotals(Array(shared.keys))
        return shared.compactMap { other, characters in totals[other].map { (other, characters, $0) } }
    }
}
