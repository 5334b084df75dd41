/// Cuts `<script>`, `<style>` and comment blocks out of HTML bytes before libxml2 sees them.
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
            guard input[index] == UInt8(ascii: "<") else { index += 1; continue }
            var end: Int?
            if matches(input, at: index + 1, "!--") {
                end = find(input, "-->", from: index + 4).map { $0 + 3 }
            } else if let name = rawTextName(input, at: index + 1) {
                end = closingTag(input, name: name, from: index + 1 + name.count)
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

    private static let script = Array("script".utf8)
    private static let style = Array("style".utf8)

    /// `script` or `style` when a tag of that name opens at `index`.
    private static func rawTextName(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> [UInt8]? {
        for name in [script, style] where matchesIgnoringCase(input, at: index, name) {
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
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = pattern.first else { return nil }
        var index = start
        while index + pattern.count <= input.count {
            if input[index] == first {
                var offset = 1
                while offset < pattern.count, input[index + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return index }
            }
            index += 1
        }
        return nil
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
