/// Basic, literal and multi-line strings, with every TOML 1.0 escape.
extension TOMLScanner {
    /// A string of any of the four kinds; the cursor is on its opening quote.
    mutating func scanString(allowMultiline: Bool = true) throws(TOMLSyntaxError) -> String {
        let delimiter = peek() ?? 0
        let isBasic = delimiter == ASCII.quote
        if peek(1) == delimiter, peek(2) == delimiter {
            guard allowMultiline else { throw error("a key cannot be a multi-line string") }
            advance(3)
            return try isBasic ? scanMultilineBasic() : scanMultilineLiteral()
        }
        advance()
        return try isBasic ? scanBasic() : scanLiteral()
    }

    private mutating func scanBasic() throws(TOMLSyntaxError) -> String {
        var out: [UInt8] = []
        while true {
            guard let byte = peek(), byte != ASCII.newline, byte != ASCII.carriageReturn else {
                throw error("unterminated string")
            }
            if byte == ASCII.quote {
                advance()
                return String(decoding: out, as: UTF8.self)
            }
            if byte == ASCII.backslash {
                try scanEscape(into: &out)
                continue
            }
            if ASCII.isForbiddenControl(byte) { throw error("control character \(ASCII.describe(byte)) in a string") }
            out.append(byte)
            advance()
        }
    }

    private mutating func scanLiteral() throws(TOMLSyntaxError) -> String {
        let start = index
        while true {
            guard let byte = peek(), byte != ASCII.newline, byte != ASCII.carriageReturn else {
                throw error("unterminated string")
            }
            if byte == ASCII.apostrophe {
                let content = text(start..<index)
                advance()
                return content
            }
            if ASCII.isForbiddenControl(byte) { throw error("control character \(ASCII.describe(byte)) in a string") }
            advance()
        }
    }

    private mutating func scanMultilineBasic() throws(TOMLSyntaxError) -> String {
        _ = try takeNewline()
        var out: [UInt8] = []
        while true {
            guard let byte = peek() else { throw error("unterminated multi-line string") }
            if byte == ASCII.quote {
                if try closesMultiline(ASCII.quote, into: &out) { return String(decoding: out, as: UTF8.self) }
                continue
            }
            if byte == ASCII.backslash {
                if try skipLineEndingBackslash() { continue }
                try scanEscape(into: &out)
                continue
            }
            try appendMultilineByte(byte, into: &out)
        }
    }

    private mutating func scanMultilineLiteral() throws(TOMLSyntaxError) -> String {
        _ = try takeNewline()
        var out: [UInt8] = []
        while true {
            guard let byte = peek() else { throw error("unterminated multi-line string") }
            if byte == ASCII.apostrophe {
                if try closesMultiline(ASCII.apostrophe, into: &out) { return String(decoding: out, as: UTF8.self) }
                continue
            }
            try appendMultilineByte(byte, into: &out)
        }
    }

    /// A newline (`\r\n` becomes `\n`, as the spec allows) or a plain character of a multi-line string.
    private mutating func appendMultilineByte(_ byte: UInt8, into out: inout [UInt8]) throws(TOMLSyntaxError) {
        if byte == ASCII.carriageReturn {
            guard peek(1) == ASCII.newline else { throw error("a carriage return must be followed by a line feed") }
            out.append(ASCII.newline)
            advance(2)
            return
        }
        if byte != ASCII.newline, ASCII.isForbiddenControl(byte) {
            throw error("control character \(ASCII.describe(byte)) in a string")
        }
        out.append(byte)
        advance()
    }

    /// At a quote: three to five in a row close the string (up to two belong to its content);
    /// fewer are content; six or more are an error.
    private mutating func closesMultiline(_ quote: UInt8, into out: inout [UInt8]) throws(TOMLSyntaxError) -> Bool {
        var run = 0
        while peek(run) == quote { run += 1 }
        if run < 3 {
            out.append(contentsOf: repeatElement(quote, count: run))
            advance(run)
            return false
        }
        guard run <= 5 else { throw error("too many quotes closing a multi-line string") }
        out.append(contentsOf: repeatElement(quote, count: run - 3))
        advance(run)
        return true
    }

    /// A backslash, blanks and a newline: skips it and all white space and newlines after it.
    private mutating func skipLineEndingBackslash() throws(TOMLSyntaxError) -> Bool {
        var ahead = 1
        while let byte = peek(ahead), byte == ASCII.space || byte == ASCII.tab { ahead += 1 }
        guard peek(ahead) == ASCII.newline || (peek(ahead) == ASCII.carriageReturn && peek(ahead + 1) == ASCII.newline) else {
            return false
        }
        advance(ahead)
        while true {
            skipBlanks()
            if try !takeNewline() { return true }
        }
    }

    /// One escape sequence; the cursor is on the backslash, where its errors point.
    private mutating func scanEscape(into out: inout [UInt8]) throws(TOMLSyntaxError) {
        let start = position()
        advance()
        guard let letter = peek() else { throw error("unterminated string") }
        let simple: UInt8? = switch letter {
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "t"): 0x09
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "r"): 0x0D
        case ASCII.quote: ASCII.quote
        case ASCII.backslash: ASCII.backslash
        default: nil
        }
        if let simple {
            out.append(simple)
            advance()
            return
        }
        let digits: Int
        switch letter {
        case UInt8(ascii: "u"): digits = 4
        case UInt8(ascii: "U"): digits = 8
        default: throw TOMLSyntaxError(position: start, message: "invalid escape: a backslash followed by \(ASCII.describe(letter))")
        }
        advance()
        var code: UInt32 = 0
        for _ in 0..<digits {
            guard let byte = peek(), let digit = Self.hexValue(byte) else {
                throw TOMLSyntaxError(position: start, message: "\\\(Character(Unicode.Scalar(letter))) needs \(digits) hexadecimal digits")
            }
            code = code << 4 | UInt32(digit)
            advance()
        }
        guard let scalar = Unicode.Scalar(code) else {
            let written = String(code, radix: 16, uppercase: true)
            let padded = String(repeating: "0", count: max(0, digits - written.count)) + written
            throw TOMLSyntaxError(position: start, message: "\\\(Character(Unicode.Scalar(letter)))\(padded) is not a Unicode scalar value")
        }
        out.append(contentsOf: Array(String(scalar).utf8))
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
