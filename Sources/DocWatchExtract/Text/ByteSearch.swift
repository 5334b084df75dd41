/// Substring search on UTF-8 bytes: Foundation's `range(of:)` costs far more than a page's parse.
enum ByteSearch {
    /// The byte offset of the first `needle` in `haystack` at or after `start`.
    static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < needle.count, haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return index }
            }
            index += 1
        }
        return nil
    }
}

extension String {
    /// Whether `needle` occurs in the string, compared as UTF-8 bytes (no Unicode folding).
    func containsBytes(_ needle: String) -> Bool {
        byteOffset(of: needle) != nil
    }

    /// The UTF-8 offset of the first `needle`, compared as bytes.
    func byteOffset(of needle: String) -> Int? {
        var copy = self
        let pattern = Array(needle.utf8)
        return copy.withUTF8 { ByteSearch.find(pattern, in: $0) }
    }
}
