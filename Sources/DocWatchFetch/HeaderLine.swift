/// One line libcurl hands the header callback (status lines and the blank line included), read into
/// what `CurlTransfer` keeps.
///
/// Nearly every line is ASCII: those are read byte by byte, with no String made of the whole line and
/// none for a name or value of up to 15 bytes (Swift keeps those inline). Any other line is read as
/// text, UTF-8 or else Latin-1 (a GBK file name in Content-Disposition keeps its bytes as Latin-1
/// scalars); both readings give the same result for an ASCII line.
enum HeaderLine: Equatable {
    /// A status line ("HTTP/1.1 304 Not Modified"): a new response begins. Its second word as a
    /// number, 0 when that is not one.
    case status(Int)
    /// "Name: value", both trimmed, the name lower-cased.
    case field(name: String, value: String)
    /// The blank line that ends a header block.
    case end
    /// Anything else (no colon): ignored.
    case other

    init(_ bytes: UnsafeRawBufferPointer) {
        self = bytes.allSatisfy { $0 < 0x80 } ? Self.ascii(bytes) : Self.text(bytes)
    }

    /// Reads a line of any bytes as text: UTF-8, or Latin-1 when it is not valid UTF-8.
    static func text(_ bytes: UnsafeRawBufferPointer) -> HeaderLine {
        let line = String(validating: bytes, as: UTF8.self) ?? String(bytes.map { Character(Unicode.Scalar($0)) })
        if line.hasPrefix("HTTP/") {
            return .status(line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0)
        }
        guard let colon = line.firstIndex(of: ":") else {
            return line == "\r\n" || line == "\n" ? .end : .other
        }
        return .field(name: trimmed(line[..<colon]).lowercased(), value: String(trimmed(line[line.index(after: colon)...])))
    }

    /// Reads a line whose bytes are all ASCII, as `text` would.
    static func ascii(_ bytes: UnsafeRawBufferPointer) -> HeaderLine {
        let space = UInt8(ascii: " "), colon = UInt8(ascii: ":")
        if bytes.starts(with: "HTTP/".utf8) {
            // The second run of non-spaces.
            guard let wordStart = bytes.firstIndex(of: space).flatMap({ end in bytes[end...].firstIndex { $0 != space } }) else {
                return .status(0)
            }
            let wordEnd = bytes[wordStart...].firstIndex(of: space) ?? bytes.endIndex
            return .status(Int(String(decoding: bytes[wordStart..<wordEnd], as: UTF8.self)) ?? 0)
        }
        guard let at = bytes.firstIndex(of: colon) else {
            return bytes.elementsEqual("\r\n".utf8) || bytes.elementsEqual("\n".utf8) ? .end : .other
        }
        let name = trimmedASCII(bytes[..<at])
        let value = trimmedASCII(bytes[(at + 1)...])
        let lowerName = String(unsafeUninitializedCapacity: name.count, initializingUTF8With: { (buffer: UnsafeMutableBufferPointer<UInt8>) in
            for (offset, byte) in name.enumerated() {
                buffer[offset] = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
            }
            return name.count
        })
        return .field(name: lowerName, value: String(decoding: value, as: UTF8.self))
    }

    /// `text` without the spaces, tabs and line ends HTTP puts around a header's name and value, and
    /// the no-break space a Latin-1 line may have there (Foundation's `trimmingCharacters` costs a few
    /// percent of a 304 poll).
    static func trimmed(_ text: Substring) -> Substring {
        let scalars = text.unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\u{A0}" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else {
            return text[text.endIndex...]
        }
        return Substring(scalars[first...last])
    }

    /// `trimmed` for ASCII bytes.
    private static func trimmedASCII(_ bytes: Slice<UnsafeRawBufferPointer>) -> Slice<UnsafeRawBufferPointer> {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
            return bytes[bytes.endIndex...]
        }
        return bytes[first...last]
    }
}
