/// 64-bit FNV-1a over a stream of values: a cheap, stable hash for shingles and paragraph
/// fingerprints (stored in the database, so it must never change).
public struct FNV1a: Sendable {
    public var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    /// Folds one value (a Unicode scalar value, in practice) into the hash.
    @inlinable @inline(__always)
    public mutating func combine(_ next: UInt32) {
        value = (value ^ UInt64(next)) &* 0x100_0000_01b3
    }
}
