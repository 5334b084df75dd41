/// Finds a declared charset label in a `Content-Type` value or in the start of an HTML document.
enum CharsetDeclaration {
    /// `text/html; charset=gbk` → `gbk`.
    static func inContentType(_ value: String) -> String? {
        label(after: Array(value.utf8)[...])
    }

    /// `<meta charset="gbk">` or `<meta http-equiv="Content-Type" content="text/html; charset=gbk">`.
    ///
    /// Looks at every `<meta` tag in `head` (the caller passes the first 4 KiB); the first one that
    /// names a charset wins.
    static func inMarkup(_ head: ArraySlice<UInt8>) -> String? {
        let bytes = Array(head)
        let meta = Array("<meta".utf8)
        var index = 0
        while index + meta.count <= bytes.count {
            if matchesIgnoringCase(bytes, at: index, meta) {
                let end = bytes[index...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
                if let found = label(after: bytes[index..<end]) { return found }
                index = end
            } else {
                index += 1
            }
        }
        return nil
    }

    /// The value after the first `charset=` in `bytes`, without quotes.
    private static func label(after bytes: ArraySlice<UInt8>) -> String? {
        let key = Array("charset".utf8)
        var index = bytes.startIndex
        while index + key.count <= bytes.endIndex {
            guard matchesIgnoringCase(bytes, at: index, key) else { index += 1; continue }
            var cursor = index + key.count
            while cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
            guard cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: "=") else { index += 1; continue }
            cursor += 1
            while cursor < bytes.endIndex, [UInt8(ascii: " "), UInt8(ascii: "\""), UInt8(ascii: "'")].contains(bytes[cursor]) {
                cursor += 1
            }
            var end = cursor
            while end < bytes.endIndex, isLabelByte(bytes[end]) { end += 1 }
            guard end > cursor else { return nil }
            return String(decoding: bytes[cursor..<end], as: UTF8.self)
        }
        return nil
    }

    private static func isLabelByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    private static func matchesIgnoringCase<C: RandomAccessCollection>(_ bytes: C, at index: C.Index, _ word: [UInt8]) -> Bool
    where C.Element == UInt8, C.Index == Int {
        for (offset, expected) in word.enumerated() {
            let byte = bytes[index + offset]
            let lowered = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
            if lowered != expected { return false }
        }
        return true
    }
}
