/// 64-bit SimHash over character shingles, for near-duplicate reposts (DESIGN.md: distance ≤ 3).
public enum SimHash {
    /// Documents at this Hamming distance or closer are near duplicates.
    public static let nearDuplicateDistance = 3

    /// The fingerprint of `text` (Simplified script) over overlapping `shingle`-character windows;
    /// white space and punctuation are skipped so layout does not count.
    public static func fingerprint(_ text: String, shingle: Int = 3) -> UInt64 {
        let scalars = text.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        guard !scalars.isEmpty else { return 0 }
        var weights = [Int](repeating: 0, count: 64)
        let width = min(shingle, scalars.count)
        let values = scalars.map(\.value)
        for start in 0...(values.count - width) {
            var shingleHash = FNV1a()
            for value in values[start..<(start + width)] { shingleHash.combine(value) }
            let hash = mix(shingleHash.value)
            for bit in 0..<64 {
                weights[bit] += (hash >> UInt64(bit)) & 1 == 1 ? 1 : -1
            }
        }
        var result: UInt64 = 0
        for bit in 0..<64 where weights[bit] > 0 { result |= 1 << UInt64(bit) }
        return result
    }

    public static func distance(_ a: UInt64, _ b: UInt64) -> Int {
        (a ^ b).nonzeroBitCount
    }

    /// splitmix64's finaliser: spreads FNV's weak low bits over all 64.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
