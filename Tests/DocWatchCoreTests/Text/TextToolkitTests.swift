import DocWatchCore
import Testing

struct HanCase: CustomTestStringConvertible, Sendable {
    let name: String
    let scalar: Unicode.Scalar
    let han: Bool
    var testDescription: String { name }
}

@Suite("Text toolkit: Han ranges, scalar sets, FNV-1a")
struct TextToolkitTests {
    @Test("Han.isIdeograph covers every ideograph block and nothing else", arguments: [
        HanCase(name: "unified block start 一", scalar: "\u{4E00}", han: true),
        HanCase(name: "unified block end", scalar: "\u{9FFF}", han: true),
        HanCase(name: "extension A", scalar: "\u{3400}", han: true),
        HanCase(name: "compatibility ideograph", scalar: "\u{F900}", han: true),
        HanCase(name: "extension B", scalar: "\u{20000}", han: true),
        HanCase(name: "extension G", scalar: "\u{3134A}", han: true),
        HanCase(name: "Yijing hexagram (between A and the unified block)", scalar: "\u{4DC0}", han: false),
        HanCase(name: "ideographic full stop", scalar: "。", han: false),
        HanCase(name: "ideographic space", scalar: "\u{3000}", han: false),
        HanCase(name: "hiragana", scalar: "あ", han: false),
        HanCase(name: "Latin", scalar: "a", han: false),
    ])
    func hanRanges(_ example: HanCase) {
        #expect(Han.isIdeograph(example.scalar) == example.han)
        #expect(Han.isIdeograph(example.scalar.value) == example.han)
    }

    @Test("Han.count counts ideographs only")
    func hanCount() {
        #expect(Han.count(in: "2025年𠀀月，ok") == 3)
    }

    @Test("ScalarSet holds BMP and supplementary members and nothing past its largest")
    func scalarSet() {
        let set = ScalarSet("的和𠀀")
        #expect(set.contains("的" as Unicode.Scalar))
        #expect(set.contains("𠀀" as Unicode.Scalar))
        #expect(!set.contains("是" as Unicode.Scalar))
        #expect(!set.contains(0x10_FFFF))
        #expect(!ScalarSet([UInt32]()).contains(0))
    }

    @Test("FNV1a gives the published 64-bit FNV-1a values for ASCII input")
    func fnv1a() {
        func hash(_ text: String) -> UInt64 {
            var hash = FNV1a()
            for scalar in text.unicodeScalars { hash.combine(scalar.value) }
            return hash.value
        }
        #expect(hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(hash("foobar") == 0x8594_4171_f739_67e8)
    }
}
