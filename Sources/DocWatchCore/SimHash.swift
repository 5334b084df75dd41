/// 64-bit SimHash over character shingles, for near-duplicate reposts (DESIGN.md: distance ≤ 3).
public enum SimHash {
    /// Documents at this Hamming distance or closer are near duplicates.
    public static let nearDuplicateDistance = 3

    /// The fingerprint of `text` (Simplified script) over overlapping `shingle`-character windows;
    /// white space and punctuation are skipped so layout does not count.
    public static func fingerprint(_ text: String, shingle: Int = 3) -> UInt64 {
        var values: [UInt32] = []
        values.reserveCapacity(text.utf8.count / 3)
        for scalar in text.unicodeScalars where WordScalar.isWordScalar(scalar) { values.append(scalar.value) }
        guard !values.isEmpty else { return 0 }
        let width = min(shingle, values.count)
        // How many shingle hashes have each bit set; a bit is in the fingerprint when more than half do
        // (the classic +1/−1 weight above zero).
        var ones = [Int](repeating: 0, count: 64)
        let shingles = values.count - width + 1
        ones.withUnsafeMutableBufferPointer { ones in
            values.withUnsafeBufferPointer { values in
                for start in 0..<shingles {
                    var shingleHash = FNV1a()
                    for offset in 0..<width { shingleHash.combine(values[start + offset]) }
                    let hash = mix(shingleHash.value)
                    for bit in 0..<64 { ones[bit] &+= Int(truncatingIfNeeded: (hash >> UInt64(bit)) & 1) }
                }
            }
        }
        var result: UInt64 = 0
        for bit in 0..<64 where 2 * ones[bit] > shingles { result |= 1 << UInt64(bit) }
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
