#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search on UTF-8 bytes: Foundation's `range(of:)` costs far more than a page's parse.
enum ByteSearch {
    /// The byte offset of the first `needle` in `haystack` at or after `start` (`memchr` for the
    /// first byte, then a comparison).
    static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        needle.withUnsafeBufferPointer { find(pattern: $0, in: haystack, from: start) }
    }

    static func find(pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = pattern.first, let patternBase = pattern.baseAddress, let base = haystack.baseAddress, start >= 0 else { return nil }
        var index = start
        let last = haystack.count - pattern.count
        while index <= last {
            guard let hit = memchr(base + index, Int32(first), last - index + 1) else { return nil }
            index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + index, patternBase, pattern.count) == 0 { return index }
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
        var pattern = needle
        // Both in place (a native or literal string's own UTF-8): no array per search.
        return copy.withUTF8 { haystack in pattern.withUTF8 { ByteSearch.find(pattern: $0, in: haystack, from: 0) } }
    }
}
