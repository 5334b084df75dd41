@testable import DocWatchCore
import Foundation
import Testing

/// The NFKC fast path gives Foundation's NFKC exactly: every scalar it handles, and whole strings on it,
/// beside it and off it (the content hash of every stored version depends on it).
@Suite("Compatibility form (NFKC)")
struct CompatibilityFormTests {
    @Test("every scalar of the fast path is its own NFKC form, or maps to the ASCII scalar Foundation gives")
    func everyFastScalarMatchesFoundation() {
        var checked = 0
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let alone = String(Character(scalar))
            switch CompatibilityForm.fastForm(scalar) {
            case .other: continue
            case .same: #expect(alone.precomposedStringWithCompatibilityMapping == alone, "U+\(String(value, radix: 16))")
            case .mapped(let ascii):
                #expect(alone.precomposedStringWithCompatibilityMapping == String(Character(ascii)), "U+\(String(value, radix: 16))")
            }
            checked += 1
        }
        #expect(checked > 27_000)  // ASCII, Extension A, the URO block and the punctuation
    }

    /// A string and why it is there.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "Simplified text with CJK punctuation", text: "关于推进制造业复工复产的通知。（一）“稳就业”、《条例》【要闻】"),
        Case(name: "fullwidth letters, digits and the ideographic space", text: "第１２条　ＡＢＣ，ｘｙｚ！（２０２０）"),
        Case(name: "ASCII only", text: "GDP grew 5.2% in 2023 (see http://example.cn/a?b=1)."),
        Case(name: "an ellipsis (off the fast path: three dots)", text: "等等……以及"),
        Case(name: "a fullwidth letter before a combining accent (composes)", text: "Ａ\u{301}与ｅ\u{300}"),
        Case(name: "compatibility ideographs and circled digits", text: "\u{F900}\u{2F800}①②㈠"),
        Case(name: "a no-break space and halfwidth katakana", text: "a\u{A0}b ｱｲｳ"),
        Case(name: "Hangul jamo that compose", text: "\u{1100}\u{1161}\u{11A8}"),
        Case(name: "empty", text: ""),
    ]

    @Test("a string's form equals Foundation's NFKC", arguments: cases)
    func matchesFoundation(_ test: Case) {
        #expect(CompatibilityForm.nfkc(test.text) == test.text.precomposedStringWithCompatibilityMapping)
        #expect(Array(CompatibilityForm.nfkc(test.text).unicodeScalars) == Array(test.text.precomposedStringWithCompatibilityMapping.unicodeScalars))
    }

    @Test("random mixes of fast-path scalars equal Foundation's NFKC (seeded)")
    func seededMixes() {
        var generator = SeededGenerator(seed: 15)
        let fast: [Unicode.Scalar] = (0x20...0x7E).compactMap(Unicode.Scalar.init) + "，。、；：？！（）“”《》【】　ＡＺａｚ０９·—".unicodeScalars
            + (0x4E00...0x4E80).compactMap(Unicode.Scalar.init)
        for _ in 0..<500 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...40, using: &generator) { text.append(fast[Int.random(in: 0..<fast.count, using: &generator)]) }
            let string = String(text)
            #expect(CompatibilityForm.nfkc(string) == string.precomposedStringWithCompatibilityMapping)
        }
    }
}

/// A deterministic generator (SplitMix64), so a failing mix can be found again.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
