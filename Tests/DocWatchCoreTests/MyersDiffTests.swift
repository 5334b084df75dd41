@testable import DocWatchCore
import Testing

@Suite("Myers diff")
struct MyersDiffTests {
    /// The textbook O(N·M) longest common subsequence, as the reference for small inputs.
    static func referenceLCS(_ a: [Int32], _ b: [Int32]) -> Int {
        var row = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var diagonal = 0
            for j in b.indices {
                let above = row[j + 1]
                row[j + 1] = x == b[j] ? diagonal + 1 : max(row[j], above)
                diagonal = above
            }
        }
        return row[b.count]
    }

    /// The kept elements of `a` and of `b`, in order: equal when the marks are an edit script.
    static func kept(_ a: [Int32], _ b: [Int32], _ marks: MyersDiff.Marks) -> ([Int32], [Int32]) {
        (a.indices.filter { !marks.removed[$0] }.map { a[$0] }, b.indices.filter { !marks.added[$0] }.map { b[$0] })
    }

    @Test("random inputs: the marks are an edit script and its length is the shortest", arguments: [2, 3, 6])
    func randomAgainstReference(alphabet: Int32) throws {
        var generator = Xorshift(seed: UInt64(alphabet))
        for _ in 0..<400 {
            let a = (0..<Int(generator.next() % 40)).map { _ in Int32(generator.next() % UInt64(alphabet)) }
            let b = (0..<Int(generator.next() % 40)).map { _ in Int32(generator.next() % UInt64(alphabet)) }
            let marks = try #require(MyersDiff.marks(a, b))
            let (keptA, keptB) = Self.kept(a, b, marks)
            #expect(keptA == keptB, "a: \(a) b: \(b)")
            #expect(keptA.count == Self.referenceLCS(a, b), "a: \(a) b: \(b)")
        }
    }

    struct BoundCase: Sendable, CustomTestStringConvertible {
        let name: String
        let a: [Int32], b: [Int32], maxEdits: Int
        let expectDistance: Int?
        var testDescription: String { name }
    }

    @Test("the edit bound", arguments: [
        BoundCase(name: "distance equal to the bound is searched", a: [1, 2, 3, 4], b: [1, 9, 3, 8], maxEdits: 4, expectDistance: 4),
        BoundCase(name: "one edit over the bound is refused", a: [1, 2, 3, 4], b: [1, 9, 3, 8], maxEdits: 3, expectDistance: nil),
        BoundCase(name: "nothing shared is refused before searching", a: [1, 2, 3], b: [4, 5, 6], maxEdits: 5, expectDistance: nil),
        BoundCase(name: "empty against empty", a: [], b: [], maxEdits: 0, expectDistance: 0),
        BoundCase(name: "all inserted", a: [], b: [1, 2], maxEdits: 2, expectDistance: 2),
    ])
    func bound(_ example: BoundCase) {
        #expect(MyersDiff.marks(example.a, example.b, maxEdits: example.maxEdits)?.editCount == example.expectDistance)
    }

    @Test("a long input with a few edits is diffed exactly")
    func longFewEdits() throws {
        let a = (0..<20_000).map { Int32($0) }
        var b = a
        b.remove(at: 15_000)
        b.insert(-1, at: 100)
        b[7_000] = -2
        let marks = try #require(MyersDiff.marks(a, b, maxEdits: 100))
        #expect(marks.editCount == 4)
        #expect(marks.keptCount == 19_998)
    }
}

/// Xorshift: deterministic, so a failing random case can be replayed from its seed.
struct Xorshift {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x2545_F491_4F6C_DD1D | 1 }
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}
