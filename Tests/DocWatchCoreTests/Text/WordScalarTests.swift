import DocWatchCore
import Testing

@Suite("WordScalar and SimHash")
struct WordScalarTests {
    /// The test as Unicode's properties give it.
    static func byProperties(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    @Test("every Unicode scalar is a word scalar exactly when it is alphabetic or numeric")
    func sameAsProperties() {
        var differing: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if WordScalar.isWordScalar(scalar) != Self.byProperties(scalar) { differing.append(value) }
        }
        #expect(differing.isEmpty, "differ: \(differing.prefix(20).map { String($0, radix: 16) })")
    }

    /// SimHash as first written: ±1 weights per bit over the filtered scalars.
    static func referenceFingerprint(_ text: String, shingle: Int = 3) -> UInt64 {
        let scalars = text.unicodeScalars.filter(byProperties)
        guard !scalars.isEmpty else { return 0 }
        var weights = [Int](repeating: 0, count: 64)
        let width = min(shingle, scalars.count)
        let values = scalars.map(\.value)
        for start in 0...(values.count - width) {
            var shingleHash = FNV1a()
            for value in values[start..<(start + width)] { shingleHash.combine(value) }
            var z = shingleHash.value
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            let hash = z ^ (z >> 31)
            for bit in 0..<64 { weights[bit] += (hash >> UInt64(bit)) & 1 == 1 ? 1 : -1 }
        }
        var result: UInt64 = 0
        for bit in 0..<64 where weights[bit] > 0 { result |= 1 << UInt64(bit) }
        return result
    }

    static let texts = [
        "", "a", "ab", "。，", "国务院", "国务院办公厅关于印发《2024年政务公开工作要点》的通知",
        "Hello, World! 123 — ＡＢＣ１２３ 〇々〆 ｶﾀｶﾅ 한국어 café naïve Ⅻ ½ ²",
        String(repeating: "各地区、各部门要认真贯彻落实党中央、国务院决策部署，推动经济社会高质量发展。\n", count: 40),
    ]

    @Test("SimHash fingerprints are those of the first implementation", arguments: texts)
    func simHashUnchanged(_ text: String) {
        #expect(SimHash.fingerprint(text) == Self.referenceFingerprint(text))
        #expect(SimHash.fingerprint(text, shingle: 1) == Self.referenceFingerprint(text, shingle: 1))
    }
}
