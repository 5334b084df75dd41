import DocWatchCore
@testable import DocWatchExtract
import Testing

/// `SpaceBytes` (trim, fold and space removal on UTF-8 bytes) gives exactly what the scalar-by-scalar
/// versions it replaced gave, for every white-space scalar and its byte-wise neighbours.
@Suite("Space bytes")
struct SpaceBytesTests {
    /// The scalar-by-scalar removal `withoutSpaces` used to be.
    static func referenceRemoval(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !Whitespace.isSpace(scalar) { out.append(scalar) }
        return String(out)
    }

    /// Every scalar of the planes a page's text uses, one at a time.
    static let allScalars: [Unicode.Scalar] = (0...0x10FFFF).compactMap { value -> Unicode.Scalar? in
        guard value % 61 == 0 || value < 0x3100 || (0xFE00...0xFFFF).contains(value) else { return nil }
        return Unicode.Scalar(UInt32(value))
    }

    @Test func spaceLengthAgreesWithIsSpaceForEveryScalar() {
        for scalar in Self.allScalars {
            var text = "a" + String(Character(scalar)) + "b"
            let length = text.withUTF8 { SpaceBytes.spaceLength($0, at: 1) }
            let expected = Whitespace.isSpace(scalar) ? String(scalar).utf8.count : 0
            #expect(length == expected, "U+\(String(scalar.value, radix: 16))")
        }
    }

    static let cases: [NamedText] = [
        NamedText(name: "empty", text: ""),
        NamedText(name: "only spaces", text: " \u{3000}\t\n\u{A0}\u{FEFF}"),
        NamedText(name: "no spaces", text: "国务院办公厅关于印发"),
        NamedText(name: "spaces around", text: "\u{3000}\u{3000}第一条　本办法\u{200B} \n"),
        NamedText(name: "runs inside", text: "a \u{2000}\u{200A}\u{200B} b\u{2028}\u{2029}c\u{202F}\u{205F}d\u{1680}e\u{85}f"),
        NamedText(name: "neighbours of spaces are kept", text: "\u{1FFF}\u{200C}\u{2027}\u{202A}\u{202E}\u{2030}\u{205E}\u{2060}\u{3001}\u{FEFE}\u{FF00}\u{A1}\u{84}\u{86}\u{167F}\u{1681}"),
        NamedText(name: "four-byte scalars", text: " 𠀀 𝄞\u{3000}😀 "),
        NamedText(name: "one scalar", text: "中"),
        NamedText(name: "one space", text: "\u{3000}"),
    ]

    @Test(arguments: cases)
    func matchesScalarVersions(_ example: NamedText) {
        let text = example.text
        #expect(SpaceBytes.removingSpaces(text) == Self.referenceRemoval(text))
        #expect(SpaceBytes.trimming(text) == Whitespace.trim(text))
        #expect(SpaceBytes.folding(text) == Whitespace.fold(text))
        let middle = text.dropFirst().dropLast()
        #expect(SpaceBytes.removingSpaces(middle) == Self.referenceRemoval(String(middle)))
        #expect(SpaceBytes.trimming(middle) == Whitespace.trim(middle))
        #expect(SpaceBytes.folding(middle) == Whitespace.fold(middle))
    }

    @Test func everyScalarBetweenSpacesMatches() {
        for scalar in Self.allScalars {
            let text = " \u{3000}" + String(scalar) + "\u{2003}x\u{FEFF}" + String(scalar) + "\u{A0}"
            #expect(SpaceBytes.removingSpaces(text) == Self.referenceRemoval(text))
            #expect(SpaceBytes.trimming(text) == Whitespace.trim(text))
            #expect(SpaceBytes.folding(text) == Whitespace.fold(text))
        }
    }

    /// `TextStats.of` counted scalar by scalar, as it was before it read bytes.
    static func referenceStats(_ text: String) -> (chars: Int, punctuation: Int) {
        var chars = 0
        var punctuation = 0
        for scalar in text.unicodeScalars where !Whitespace.isSpace(scalar) {
            chars += 1
            if CharacterClass.isChinesePunctuation(scalar) { punctuation += 1 }
        }
        return (chars, punctuation)
    }

    @Test func textStatsCountAsScalarByScalar() {
        var texts = Self.cases.map(\.text)
        texts.append("“你好，”他说。；：、！？ ，,.;:!?\u{3000}“”")
        texts += Self.allScalars.map { " " + String($0) + "\u{3000}，" + String($0) }
        for text in texts {
            let expected = Self.referenceStats(text)
            let stats = TextStats.of(text: text, inLink: true)
            #expect(stats.chars == expected.chars, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(stats.punctuation == expected.punctuation)
            #expect(stats.linkChars == expected.chars)
            #expect(TextStats.of(text: text, inLink: false).linkChars == 0)
        }
    }
}
