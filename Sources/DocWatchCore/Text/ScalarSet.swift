/// A set of Unicode scalar values as a bitmap: membership costs a shift and a mask, no hashing,
/// which matters in loops that test every scalar of a text. The bitmap reaches up to the largest
/// member, so a set of supplementary-plane ideographs costs ~24 KB and one of BMP letters at most 8 KB.
public struct ScalarSet: Sendable {
    @usableFromInline let words: [UInt64]

    public init<S: Sequence>(_ values: S) where S.Element == UInt32 {
        let values = Array(values)
        var words = [UInt64](repeating: 0, count: Int((values.max() ?? 0) >> 6) + 1)
        for value in values { words[Int(value >> 6)] |= 1 << UInt64(value & 63) }
        self.words = words
    }

    /// The scalars of `characters`.
    public init(_ characters: String) {
        self.init(characters.unicodeScalars.map(\.value))
    }

    @inlinable @inline(__always)
    public func contains(_ value: UInt32) -> Bool {
        let word = Int(value >> 6)
        return word < words.count && words[word] & (1 << UInt64(value & 63)) != 0
    }

    @inlinable @inline(__always)
    public func contains(_ scalar: Unicode.Scalar) -> Bool {
        contains(scalar.value)
    }
}
