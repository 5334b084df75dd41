import DocWatchCore
import Testing

/// The near-duplicate rule on its own, without a store: paragraph fingerprints, the overlap threshold,
/// the SimHash bands and which links a document keeps.
@Suite("Near-duplicate rule")
struct NearDuplicateRuleTests {
    static let paragraph = "推动制造业复工复产，事关经济平稳运行、社会稳定发展，也事关产业链供应链稳定安全。"

    @Test("a paragraph is fingerprinted by its letters and digits: punctuation and spaces do not count, short lines are left out")
    func fingerprints() {
        let plain = NearDuplicateRule.paragraphFingerprints(Self.paragraph)
        let spaced = NearDuplicateRule.paragraphFingerprints(" " + Self.paragraph.replacingOccurrences(of: "，", with: " ") + "  ")
        #expect(plain.count == 1 && plain == spaced)
        let letters = Self.paragraph.unicodeScalars.filter { $0.properties.isAlphabetic }.count
        #expect(plain.values.first == letters)
        #expect(NearDuplicateRule.paragraphFingerprints("记者 张三 2020年4月15日").isEmpty)
        #expect(NearDuplicateRule.paragraphFingerprints(Self.paragraph + "\n" + Self.paragraph + "二").count == 2)
    }

    struct OverlapCase: Sendable, CustomTestStringConvertible {
        var name: String
        var shared: Int
        var own: Int
        var other: Int
        var linked: Double?
        var testDescription: String { name }
    }

    @Test(arguments: [
        OverlapCase(name: "80% of the shorter one shared: linked", shared: 160, own: 200, other: 400, linked: 0.8),
        OverlapCase(name: "all of a shorter repost shared: linked", shared: 300, own: 400, other: 300, linked: 1),
        OverlapCase(name: "79.5% shared: not linked", shared: 159, own: 200, other: 200, linked: nil),
        OverlapCase(name: "all shared but under 120 characters: not linked", shared: 119, own: 119, other: 119, linked: nil),
    ])
    func paragraphOverlap(_ testCase: OverlapCase) {
        #expect(NearDuplicateRule.paragraphLink(shared: testCase.shared, ownTotal: testCase.own, otherTotal: testCase.other) == testCase.linked)
    }

    @Test("two fingerprints within 3 bits share a band, and count as near")
    func bandsAndDistance() {
        let a: UInt64 = 0x1234_5678_9abc_def0
        let b = a ^ (1 << 3) ^ (1 << 20) ^ (1 << 40)
        #expect(NearDuplicateRule.isNear(a, b))
        #expect(!NearDuplicateRule.isNear(a, b ^ (1 << 60)))
        #expect(!Set(NearDuplicateRule.bands(a)).isDisjoint(with: NearDuplicateRule.bands(b)))
        // A band is tagged with its position: the same 16 bits elsewhere are another band.
        #expect(Set(NearDuplicateRule.bands(0x0001_0001_0001_0001)).count == 4)
    }

    @Test("links kept: closest first, then the larger overlap, then the older document; 20 at most")
    func keptLinks() {
        typealias Link = NearDuplicateRule.Link
        let links = [Link(other: 5, distance: 2, overlap: nil), Link(other: 3, distance: 1, overlap: 0.85),
                     Link(other: 4, distance: 1, overlap: 0.95), Link(other: 2, distance: 1, overlap: 0.95)]
        #expect(NearDuplicateRule.kept(links).map(\.other) == [2, 4, 3, 5])
        let many = (1...30).map { Link(other: Int64($0), distance: 3, overlap: nil) }
        #expect(NearDuplicateRule.kept(many).map(\.other) == Array(1...20))
    }
}
