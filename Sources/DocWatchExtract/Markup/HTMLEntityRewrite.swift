/// Rewrites the HTML named entities that feeds use without declaring them (`&nbsp;`, `&mdash;` …)
/// as numeric character references, so a feed written by an HTML template still parses.
///
/// Used only as a second try after libxml2 reported an undeclared entity; anything else that is
/// wrong with the document is still reported.
enum HTMLEntityRewrite {
    static let codePoints: [String: UInt32] = [
        "nbsp": 160, "ensp": 8194, "emsp": 8195, "thinsp": 8201, "copy": 169, "reg": 174, "trade": 8482,
        "mdash": 8212, "ndash": 8211, "hellip": 8230, "middot": 183, "bull": 8226, "times": 215, "divide": 247,
        "ldquo": 8220, "rdquo": 8221, "lsquo": 8216, "rsquo": 8217, "laquo": 171, "raquo": 187,
        "yen": 165, "deg": 176, "plusmn": 177, "sup2": 178, "sup3": 179, "para": 182, "sect": 167,
    ]

    /// `bytes` with every known entity made numeric; `nil` when there was none to rewrite.
    /// Works on any ASCII-compatible encoding (UTF-8, GB18030, Big5); UTF-16 is left alone.
    static func rewrite(_ bytes: [UInt8]) -> [UInt8]? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var replaced = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&"), let (name, end) = entityName(bytes, from: index + 1), let code = codePoints[name] {
                out.append(contentsOf: Array("&#\(code);".utf8))
                replaced = true
                index = end + 1
            } else {
                out.append(byte)
                index += 1
            }
        }
        return replaced ? out : nil
    }

    /// The letters between `&` and `;` starting at `start`, and the index of the `;`.
    private static func entityName(_ bytes: [UInt8], from start: Int) -> (String, Int)? {
        var end = start
        while end < bytes.count, end - start <= 8 {
            let byte = bytes[end]
            if byte == UInt8(ascii: ";") {
                return end > start ? (String(decoding: bytes[start..<end], as: UTF8.self), end) : nil
            }
            guard (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) else { return nil }
            end += 1
        }
        return nil
    }
}
