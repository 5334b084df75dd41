/// Byte scans for discovered titles and bodies (white space itself is `Whitespace`, in Core).
///
/// Foundation's `trimmingCharacters` and `contains` bridge through `NSString` on Linux and cost
/// several times more than the parse itself on a feed of 200 items.
enum TextScan {
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
