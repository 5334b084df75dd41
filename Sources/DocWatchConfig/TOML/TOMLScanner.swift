/// A cursor over the UTF-8 bytes of a TOML document that keeps line and column as it moves.
///
/// Lines advance on every `\n` consumed; columns are computed on demand from a cache that only
/// moves forward, so asking for positions in document order stays linear.
struct TOMLScanner {
    let bytes: [UInt8]
    private(set) var index = 0
    private(set) var line = 1
    private var lineStart = 0
    private var columnCache = (index: 0, column: 1)

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var atEnd: Bool { index >= bytes.count }

    /// The byte `offset` places ahead, or nil past the end.
    func peek(_ offset: Int = 0) -> UInt8? {
        let at = index + offset
        return at < bytes.count ? bytes[at] : nil
    }

    /// Whether the bytes at the cursor spell `literal`.
    func looksAt(_ literal: String) -> Bool {
        bytes[index...].starts(with: literal.utf8)
    }

    mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where index < bytes.count {
            if bytes[index] == ASCII.newline {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
    }

    /// Consumes `byte` if it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        advance()
        return true
    }

    mutating func position() -> TOMLPosition {
        if columnCache.index < lineStart || columnCache.index > index {
            columnCache = (lineStart, 1)
        }
        var column = columnCache.column
        for at in columnCache.index..<index where bytes[at] & 0xC0 != 0x80 {
            column += 1
        }
        columnCache = (index, column)
        return TOMLPosition(line: line, column: column)
    }

    mutating func error(_ message: String) -> TOMLSyntaxError {
        TOMLSyntaxError(position: position(), message: message)
    }

    /// Skips spaces and tabs.
    mutating func skipBlanks() {
        while let byte = peek(), byte == ASCII.space || byte == ASCII.tab { advance() }
    }

    /// Consumes `\n` or `\r\n`; returns false when no newline is next. A lone `\r` is an error.
    mutating func takeNewline() throws(TOMLSyntaxError) -> Bool {
        if take(ASCII.newline) { return true }
        if peek() == ASCII.carriageReturn {
            guard peek(1) == ASCII.newline else { throw error("a carriage return must be followed by a line feed") }
            advance(2)
            return true
        }
        return false
    }

    /// Skips a `#` comment up to (not including) the end of its line.
    mutating func skipComment() throws(TOMLSyntaxError) {
        guard take(ASCII.hash) else { return }
        while let byte = peek(), byte != ASCII.newline {
            if byte == ASCII.carriageReturn, peek(1) == ASCII.newline { return }
            if ASCII.isForbiddenControl(byte) { throw error("control character \(ASCII.describe(byte)) in a comment") }
            advance()
        }
    }

    /// Skips blanks, comments and newlines (inside arrays).
    mutating func skipBlanksCommentsAndNewlines() throws(TOMLSyntaxError) {
        while true {
            skipBlanks()
            try skipComment()
            if try !takeNewline() { return }
        }
    }

    /// After a key/value pair or a table header: blanks, an optional comment, then a newline or the end.
    mutating func expectEndOfLine(after what: String) throws(TOMLSyntaxError) {
        skipBlanks()
        try skipComment()
        if atEnd { return }
        if try takeNewline() { return }
        throw error("expected the end of the line after \(what), found \(describeNext())")
    }

    /// The next character as error messages name it, or `the end of the file`.
    func describeNext() -> String {
        peek().map(ASCII.describe) ?? "the end of the file"
    }

    /// Text of a byte range known to hold whole UTF-8 sequences.
    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}

/// The bytes the TOML grammar names.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let hash: UInt8 = 0x23
    static let apostrophe: UInt8 = 0x27
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let colon: UInt8 = 0x3A
    static let equals: UInt8 = 0x3D
    static let openBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let closeBracket: UInt8 = 0x5D
    static let underscore: UInt8 = 0x5F
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D

    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    static func isBareKey(_ byte: UInt8) -> Bool {
        isDigit(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == underscore || byte == minus
    }

    /// Control characters TOML allows nowhere but as escapes: all below 0x20 except tab, and DEL.
    static func isForbiddenControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != tab) || byte == 0x7F
    }

    /// `'x'`, or `U+0000` for what does not print.
    static func describe(_ byte: UInt8) -> String {
        if byte == newline || byte == carriageReturn { return "the end of the line" }
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte >= 0x80 { return "a non-ASCII character" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
