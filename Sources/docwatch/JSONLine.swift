/// Builds one JSON object as UTF-8 bytes, by hand: JSONEncoder costs more than extracting a page.
///
/// Strings are escaped as JSON requires, and U+0085, U+2028 and U+2029 too: JSON allows them raw,
/// but line-oriented readers (Python's `splitlines`) split on them.
struct JSONLine {
    private(set) var bytes: [UInt8] = [UInt8(ascii: "{")]

    /// `"key":"value"` (or `null`).
    mutating func field(_ key: String, _ value: String?) {
        self.key(key)
        if let value { string(value) } else { bytes += Array("null".utf8) }
    }

    /// `"key":["a","b"]`.
    mutating func field(_ key: String, _ values: [String]) {
        self.key(key)
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// `"key":` followed by already encoded JSON.
    mutating func field(_ key: String, raw: [UInt8]) {
        self.key(key)
        bytes += raw
    }

    /// One raw byte of already encoded JSON.
    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// The object closed, with a newline.
    mutating func finish() -> [UInt8] {
        bytes.append(UInt8(ascii: "}"))
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    private mutating func key(_ key: String) {
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        string(key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// A JSON string literal; runs of bytes that need no escape are copied whole.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        let utf8 = Array(text.utf8)
        var runStart = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            var escape: [UInt8]?
            var width = 1
            switch byte {
            case UInt8(ascii: "\""): escape = Array("\\\"".utf8)
            case UInt8(ascii: "\\"): escape = Array("\\\\".utf8)
            case UInt8(ascii: "\n"): escape = Array("\\n".utf8)
            case UInt8(ascii: "\r"): escape = Array("\\r".utf8)
            case UInt8(ascii: "\t"): escape = Array("\\t".utf8)
            case 0..<0x20: escape = Self.unicodeEscape(UInt32(byte))
            case 0xC2 where index + 1 < utf8.count && utf8[index + 1] == 0x85:
                escape = Self.unicodeEscape(0x85)
                width = 2
            case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                escape = Self.unicodeEscape(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                width = 3
            default: break
            }
            if let escape {
                bytes += utf8[runStart..<index]
                bytes += escape
                index += width
                runStart = index
            } else {
                index += 1
            }
        }
        bytes += utf8[runStart..<utf8.count]
        bytes.append(UInt8(ascii: "\""))
    }

    private static func unicodeEscape(_ value: UInt32) -> [UInt8] {
        let hex = Array("0123456789abcdef".utf8)
        return Array("\\u".utf8) + [12, 8, 4, 0].map { hex[Int((value >> UInt32($0)) & 0xF)] }
    }
}
