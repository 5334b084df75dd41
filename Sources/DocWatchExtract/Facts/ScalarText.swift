/// A text as an array of Unicode scalars (the unit of `Fact.offset`) beside its folded form.
///
/// Scanners match against `folded` (Simplified ideographs, ASCII digits) and cut `text` spans out of
/// `scalars`, so a Traditional page yields facts that quote it as written.
struct ScalarText {
    /// The scalar values as written.
    let scalars: [UInt32]
    let folded: [UInt32]

    init(_ text: String) {
        var text = text
        scalars = text.withUTF8(Self.decode)
        folded = ScriptFold.fold(scalars)
    }

    /// The scalar values of valid UTF-8 (a String's own storage), decoded by hand: several times
    /// faster than going through `String.UnicodeScalarView`.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt32] {
        [UInt32](unsafeUninitializedCapacity: bytes.count) { values, count in
            var index = 0
            count = 0
            while index < bytes.count {
                let lead = UInt32(bytes[index])
                var value: UInt32
                var length: Int
                if lead < 0x80 {
                    (value, length) = (lead, 1)
                } else if lead < 0xE0 {
                    (value, length) = (lead & 0x1F, 2)
                } else if lead < 0xF0 {
                    (value, length) = (lead & 0x0F, 3)
                } else {
                    (value, length) = (lead & 0x07, 4)
                }
                var offset = 1
                while offset < length && index + offset < bytes.count {
                    value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
                    offset += 1
                }
                values[count] = value
                count += 1
                index += length
            }
        }
    }

    var count: Int { folded.count }

    /// The folded value at `index`, or 0 outside the text.
    @inline(__always)
    subscript(index: Int) -> UInt32 {
        index >= 0 && index < folded.count ? folded[index] : 0
    }

    /// The span as written.
    func original(_ range: Range<Int>) -> String {
        Self.string(scalars[range], count: range.count)
    }

    /// The span in folded (Simplified) form.
    func simplified(_ range: Range<Int>) -> String {
        Self.string(folded[range], count: range.count)
    }

    /// Encodes scalar values (all valid: they come from a String) straight into a new String's storage.
    private static func string<S: Sequence>(_ values: S, count: Int) -> String where S.Element == UInt32 {
        String(unsafeUninitializedCapacity: count * 4) { buffer in
            var length = 0
            for value in values {
                guard let scalar = Unicode.Scalar(value) else { continue }
                UTF8.encode(scalar) { byte in
                    buffer[length] = byte
                    length += 1
                }
            }
            return length
        }
    }

    /// Whether `word` (folded scalars) stands at `index`.
    func has(_ word: [UInt32], at index: Int) -> Bool {
        guard index >= 0, index + word.count <= folded.count else { return false }
        for (offset, value) in word.enumerated() where folded[index + offset] != value { return false }
        return true
    }
}

/// Character classes over folded scalar values.
enum ScalarClass {
    @inline(__always)
    static func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }

    @inline(__always)
    static func isASCIILetter(_ value: UInt32) -> Bool {
        (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
    }

    @inline(__always)
    static func isSpace(_ value: UInt32) -> Bool {
        value == 0x20 || value == 0x09 || value == 0xA0 || value == 0x3000
    }
}
