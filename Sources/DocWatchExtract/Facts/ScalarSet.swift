/// A set of Basic Multilingual Plane scalar values as a bitmap: membership costs a shift and a
/// mask, no hashing, which matters in loops that test every scalar of a text.
struct ScalarSet: Sendable {
    private var words = [UInt64](repeating: 0, count: 1024)

    init<S: Sequence>(_ values: S) where S.Element == UInt32 {
        for value in values where value < 0x10000 { words[Int(value >> 6)] |= 1 << UInt64(value & 63) }
    }

    /// The scalars of `characters`.
    init(_ characters: String) {
        self.init(characters.unicodeScalars.map(\.value))
    }

    @inline(__always)
    func contains(_ value: UInt32) -> Bool {
        value < 0x10000 && words[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0
    }
}
