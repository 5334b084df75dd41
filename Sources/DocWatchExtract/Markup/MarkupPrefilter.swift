#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts `<script>`, `<style>`, `<select>`, `<noscript>`, `<svg>`, `<iframe>`, `<template>` and
/// comment blocks, and `</body>`/`</html>` end tags, out of HTML bytes before libxml2 sees them.
///
/// The parser drops them anyway; on news portals they are a third of the bytes, and libxml2's
/// time grows with its input. An unterminated block is left in place for libxml2 to handle.
enum MarkupPrefilter {
    static func strip(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var copiedUpTo = 0
        var index = 0
        let count = input.count
        while index < count {
            guard let base = input.baseAddress, let found = memchr(base + index, Int32(UInt8(ascii: "<")), count - index) else { break }
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var end: Int?
            if matches(input, at: index + 1, "!--") {
                end = find(input, "-->", from: index + 4).map { $0 + 3 }
            } else if let name = rawTextName(input, at: index + 1) {
                end = closingTag(input, name: name, from: index + 1 + name.count)
            } else if let close = documentEndTag(input, at: index) {
                end = close
            }
            if let end {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: input[copiedUpTo..<index]))
                copiedUpTo = end
                index = end
            } else {
                index += 1
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[copiedUpTo..<count]))
        return output
    }

    /// Blocks the parser drops or no stage reads: their content never becomes text. A new one
    /// whose name starts with another letter goes into `rawTextName`'s first-letter test too.
    private static let blocks = ["script", "style", "select", "noscript", "svg", "iframe", "template"].map { Array($0.utf8) }

    /// The offset past a `</body>` or `</html>` at `index`. Browsers ignore both, putting what
    /// follows back into the body; libxml2 drops it, and templates print them mid-page.
    private static func documentEndTag(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        guard index + 2 < input.count, input[index + 1] == UInt8(ascii: "/") else { return nil }
        for name in documentEnds where matchesIgnoringCase(input, at: index + 2, name) {
            var cursor = index + 2 + name.count
            while cursor < input.count, input[cursor] == UInt8(ascii: " ") || input[cursor] == UInt8(ascii: "\n") { cursor += 1 }
            return cursor < input.count && input[cursor] == UInt8(ascii: ">") ? cursor + 1 : nil
        }
        return nil
    }

    private static let documentEnds = ["body", "html"].map { Array($0.utf8) }

    /// The name when a tag of one of `blocks` opens at `index`.
    private static func rawTextName(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> [UInt8]? {
        // Every block's name starts with one of these: most tags are ruled out by their first letter.
        guard index < input.count else { return nil }
        switch input[index] | 0x20 {
        case UInt8(ascii: "s"), UInt8(ascii: "n"), UInt8(ascii: "i"), UInt8(ascii: "t"): break
        default: return nil
        }
        for name in blocks where matchesIgnoringCase(input, at: index, name) {
            let after = index + name.count
            guard after < input.count else { return nil }
            let next = input[after]
            if next == UInt8(ascii: ">") || next == UInt8(ascii: "/") || next == UInt8(ascii: " ") || next == UInt8(ascii: "\t")
                || next == UInt8(ascii: "\n") || next == UInt8(ascii: "\r") {
                return name
            }
        }
        return nil
    }

    /// The offset just past `</name …>` at or after `start`.
    private static func closingTag(_ input: UnsafeBufferPointer<UInt8>, name: [UInt8], from start: Int) -> Int? {
        var cursor = start
        while let open = find(input, "</", from: cursor) {
            if matchesIgnoringCase(input, at: open + 2, name) {
                var close = open + 2 + name.count
                while close < input.count, input[close] != UInt8(ascii: ">") { close += 1 }
                return close < input.count ? close + 1 : nil
            }
            cursor = open + 2
        }
        return nil
    }

    private static func find(_ input: UnsafeBufferPointer<UInt8>, _ needle: StaticString, from start: Int) -> Int? {
        ByteSearch.find(pattern: UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount), in: input, from: start)
    }

    private static func matches(_ input: UnsafeBufferPointer<UInt8>, at index: Int, _ word: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard index + pattern.count <= input.count else { return false }
        for offset in 0..<pattern.count where input[index + offset] != pattern[offset] { return false }
        return true
    }

    private static func matchesIgnoringCase(_ input: UnsafeBufferPointer<UInt8>, at index: Int, _ word: [UInt8]) -> Bool {
        guard index + word.count <= input.count else { return false }
        for offset in 0..<word.count where input[index + offset] | 0x20 != word[offset] { return false }
        return true
    }
}
