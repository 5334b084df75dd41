/// When two documents are near duplicates (reposts with small edits, or in the other script), and
/// which links a document keeps. The store indexes what this computes and asks it to decide.
///
/// Two ways in:
/// - whole-text SimHash fingerprints within `SimHash.nearDuplicateDistance` bits. Each fingerprint
///   is cut into four 16-bit `bands`; two within 3 bits agree on at least one band (pigeonhole), so
///   candidates come from an index lookup, not a scan;
/// - shared paragraphs: a repost that drops or adds a paragraph moves a 64-bit SimHash by ~7 bits
///   for one paragraph in eight, too far for 3; so exact fingerprints of each paragraph (Simplified,
///   letters and digits only) count too, and two documents sharing at least `paragraphOverlap` of
///   the shorter one's paragraph text are linked.
public enum NearDuplicateRule {
    /// Share of the shorter document's paragraph characters that must be shared.
    public static let paragraphOverlap = 0.8
    /// Paragraphs shorter than this (datelines, bylines) are not fingerprinted.
    public static let minimumParagraph = 20
    /// Documents with less fingerprinted text than this are linked by SimHash only.
    public static let minimumShared = 120
    /// A paragraph in more documents than this is boilerplate, not evidence of a repost.
    public static let boilerplateDocuments = 50
    /// Links kept per new document, closest first: templated pages (one layout, a few changed words)
    /// would otherwise link every page to every other, quadratically.
    public static let maxLinks = 20

    /// One possible link from a document to `other`.
    public struct Link: Sendable, Equatable {
        public var other: Int64
        /// SimHash distance between the two, however the link was found.
        public var distance: Int
        /// Share of paragraph text in common, when shared paragraphs found the link.
        public var overlap: Double?

        public init(other: Int64, distance: Int, overlap: Double?) {
            self.other = other
            self.distance = distance
            self.overlap = overlap
        }
    }

    /// The four 16-bit bands of a fingerprint, each tagged with its position, for the candidate index.
    public static func bands(_ simhash: UInt64) -> [Int64] {
        (0..<4).map { index in Int64(index) << 16 | Int64((simhash >> UInt64(index * 16)) & 0xffff) }
    }

    /// Whether two whole-text fingerprints are close enough on their own.
    public static func isNear(_ a: UInt64, _ b: UInt64) -> Bool {
        SimHash.distance(a, b) <= SimHash.nearDuplicateDistance
    }

    /// Whether a document has enough fingerprinted text to be linked by shared paragraphs at all.
    public static func countsParagraphs(total: Int) -> Bool {
        total >= minimumShared
    }

    /// The share of the shorter document's paragraph text that `shared` characters are, when that links
    /// the two; nil when it does not.
    public static func paragraphLink(shared: Int, ownTotal: Int, otherTotal: Int) -> Double? {
        let overlap = Double(shared) / Double(min(ownTotal, otherTotal))
        return shared >= minimumShared && overlap >= paragraphOverlap ? overlap : nil
    }

    /// The links kept: closest SimHash first, then the larger overlap (a SimHash-only link counts as
    /// full), then the older document; at most `maxLinks`.
    public static func kept(_ links: [Link]) -> [Link] {
        let ranked = links.sorted {
            ($0.distance, -($0.overlap ?? 1), $0.other) < ($1.distance, -($1.overlap ?? 1), $1.other)
        }
        return Array(ranked.prefix(maxLinks))
    }

    /// Paragraph fingerprint → its length in letters and digits, for paragraphs long enough to count.
    public static func paragraphFingerprints(_ simplifiedText: String) -> [Int64: Int] {
        var out: [Int64: Int] = [:]
        for line in simplifiedText.split(separator: "\n") {
            var hash = FNV1a()
            var length = 0
            for scalar in line.unicodeScalars where WordScalar.isWordScalar(scalar) {
                hash.combine(scalar.value)
                length += 1
            }
            if length >= minimumParagraph { out[Int64(bitPattern: hash.value)] = length }
        }
        return out
    }
}
