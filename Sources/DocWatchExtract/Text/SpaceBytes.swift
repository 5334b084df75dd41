import DocWatchCore

/// `Whitespace`'s trim, fold and removal done on a string's UTF-8 bytes: the same results as going
/// scalar by scalar through `String.UnicodeScalarView` (whose `append` cost a tenth of extraction),
/// with the output's bytes copied in runs.
///
/// Every scalar `Whitespace.isSpace` accepts is told by its bytes (`spaceLength`); a test holds the
/// two to the same answer for every scalar of the Basic Multilingual Plane and beyond.
enum SpaceBytes {
    /// The length in bytes of the white-space scalar starting at `index`, or 0 when the scalar
    /// there is not white space (`Whitespace.isSpace`). `bytes` is valid UTF-8.
    @inline(__always)
    static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        if lead < 0x80 { return lead == 0x20 || (lead >= 0x09 && lead <= 0x0D) ? 1 : 0 }
        guard index + 1 < bytes.count else { return 0 }
        let second = bytes[index + 1]
        switch lead {
        case 0xC2:
            return second == 0x85 || second == 0xA0 ? 2 : 0  // U+0085, U+00A0
        case 0xE1, 0xE2, 0xE3, 0xEF:
            guard index + 2 < bytes.count else { return 0 }
            let third = bytes[index + 2]
            switch (lead, second) {
            case (0xE1, 0x9A): return third == 0x80 ? 3 : 0  // U+1680
            case (0xE2, 0x80):  // U+2000…U+200B, U+2028, U+2029, U+202F
                return third <= 0x8B || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0
            case (0xE2, 0x81): return third == 0x9F ? 3 : 0  // U+205F
            case (0xE3, 0x80): return third == 0x80 ? 3 : 0  // U+3000
            case (0xEF, 0xBB): return third == 0xBF ? 3 : 0  // U+FEFF
            default: return 0
            }
        default:
            return 0
        }
    }

    /// The length in bytes of the scalar whose first byte is `lead`.
    @inline(__always)
    static func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// `body` over the text's UTF-8 bytes, copied into a `String` first only when they are not contiguous.
    @inline(__always)
    static func withBytes<Text: StringProtocol, Result>(_ text: Text, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = String(text)
        return copy.withUTF8(body)
    }

    /// The text with every white-space scalar removed (`withoutSpaces`).
    static func removingSpaces<Text: StringProtocol>(_ text: Text) -> String {
        withBytes(text) { bytes in
            var index = 0
            while index < bytes.count, spaceLength(bytes, at: index) == 0 { index += scalarLength(bytes[index]) }
            if index >= bytes.count { return String(text) }  // nothing to remove: the same string
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var filled = 0
                var runStart = 0
                var cursor = index
                while cursor < bytes.count {
                    let space = spaceLength(bytes, at: cursor)
                    if space > 0 {
                        filled += copy(bytes, runStart..<cursor, to: out, at: filled)
                        cursor += space
                        runStart = cursor
                    } else {
                        cursor += scalarLength(bytes[cursor])
                    }
                }
                filled += copy(bytes, runStart..<min(cursor, bytes.count), to: out, at: filled)
                return filled
            }
        }
    }

    /// The text without leading and trailing white space (`Whitespace.trim`).
    static func trimming<Text: StringProtocol>(_ text: Text) -> String {
        withBytes(text) { bytes in
            guard let (start, end) = contentBounds(bytes) else { return "" }
            if start == 0, end == bytes.count { return String(text) }
            return String(unsafeUninitializedCapacity: end - start) { out in copy(bytes, start..<end, to: out, at: 0) }
        }
    }

    /// The text with every run of white space one ASCII space, leading and trailing runs dropped
    /// (`Whitespace.fold`).
    static func folding<Text: StringProtocol>(_ text: Text) -> String {
        withBytes(text) { bytes in
            guard let (start, end) = contentBounds(bytes) else { return "" }
            return String(unsafeUninitializedCapacity: end - start) { out in
                var filled = 0
                var runStart = start
                var cursor = start
                while cursor < end {
                    let space = spaceLength(bytes, at: cursor)
                    guard space > 0 else {
                        cursor += scalarLength(bytes[cursor])
                        continue
                    }
                    filled += copy(bytes, runStart..<cursor, to: out, at: filled)
                    while cursor < end {
                        let length = spaceLength(bytes, at: cursor)
                        if length == 0 { break }
                        cursor += length
                    }
                    out[filled] = 0x20
                    filled += 1
                    runStart = cursor
                }
                filled += copy(bytes, runStart..<end, to: out, at: filled)
                return filled
            }
        }
    }

    /// The byte range from the first to past the last scalar that is not white space; nil when there is none.
    private static func contentBounds(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
        var start = 0
        while start < bytes.count {
            let length = spaceLength(bytes, at: start)
            if length == 0 { break }
            start += length
        }
        guard start < bytes.count else { return nil }
        // Past the last non-space scalar: walk forward from `start`, remembering where each one ends.
        var end = start
        var cursor = start
        while cursor < bytes.count {
            let space = spaceLength(bytes, at: cursor)
            if space > 0 {
                cursor += space
            } else {
                cursor += scalarLength(bytes[cursor])
                end = min(cursor, bytes.count)
            }
        }
        return (start, end)
    }

    @inline(__always)
    private static func copy(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to out: UnsafeMutableBufferPointer<UInt8>,
                             at offset: Int) -> Int {
        guard !range.isEmpty, let source = bytes.baseAddress, let target = out.baseAddress else { return 0 }
        (target + offset).update(from: source + range.lowerBound, count: range.count)
        return range.count
    }
}
