/// White space handling for discovered titles and URLs, on Unicode scalars.
///
/// Foundation's `trimmingCharacters` and `contains` bridge through `NSString` on Linux and cost
/// several times more than the parse itself on a feed of 200 items.
enum TextScan {
    /// White space as pages use it: ASCII, no-break and ideographic spaces, the Unicode space block.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: true
        default: false
        }
    }

    /// `text` without leading and trailing white space.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }

    /// `text` with white space runs folded to one space and trimmed; `nil` when nothing is left.
    static func folded(_ text: String) -> String? {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return out.isEmpty ? nil : String(out)
    }

    /// Whether `text` holds the ASCII character `byte`.
    static func contains(_ text: String, ascii byte: Character) -> Bool {
        guard let value = byte.asciiValue else { return false }
        return text.utf8.contains(value)
    }

    /// The first byte of `bytes` past a UTF-8 byte-order mark and white space: `{` opens JSON, `<` XML.
    static func firstVisibleByte(_ bytes: [UInt8]) -> UInt8? {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        return body.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
    }
}
