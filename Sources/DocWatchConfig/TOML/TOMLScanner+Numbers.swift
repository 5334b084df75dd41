/// Integers (decimal, hexadecimal, octal, binary; 64-bit) and floats (fraction, exponent, inf, nan).
extension TOMLScanner {
    /// A number; the cursor is on its sign or first digit, or on `inf`/`nan`.
    mutating func scanNumber() throws(TOMLSyntaxError) -> TOMLValue.Content {
        let start = index
        var end = index
        while end < bytes.count, Self.isNumberByte(bytes[end]) { end += 1 }
        let token = Array(bytes[start..<end])
        guard !token.isEmpty else { throw error("expected a value, found \(describeNext())") }
        do throws(NumberProblem) {
            let content = try Self.number(token)
            advance(end - start)
            return content
        } catch let problem {
            let what = problem == .overflow ? "does not fit in a 64-bit integer" : "is not a number"
            throw error("'\(text(start..<end))' \(what)")
        }
    }

    private enum NumberProblem: Error {
        case malformed
        case overflow
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        ASCII.isBareKey(byte) || byte == ASCII.plus || byte == ASCII.dot
    }

    /// The value of a whole number token.
    private static func number(_ token: [UInt8]) throws(NumberProblem) -> TOMLValue.Content {
        var body = token[...]
        var negative = false
        if let sign = body.first, sign == ASCII.plus || sign == ASCII.minus {
            negative = sign == ASCII.minus
            body = body.dropFirst()
        }
        if body.elementsEqual("inf".utf8) { return .float(negative ? -.infinity : .infinity) }
        if body.elementsEqual("nan".utf8) { return .float(negative ? -.nan : .nan) }
        if body.count > 2, body.first == UInt8(ascii: "0"), let radix = radixOf(body.dropFirst().first ?? 0) {
            guard body.count == token.count else { throw .malformed }  // no sign before 0x, 0o, 0b
            return .integer(try integer(body.dropFirst(2), radix: radix, negative: false))
        }
        if body.contains(where: { $0 == ASCII.dot || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            guard let value = float(token, body: body) else { throw .malformed }
            return .float(value)
        }
        guard body.first != UInt8(ascii: "0") || body.count == 1 else { throw .malformed }  // no leading zeros
        return .integer(try integer(body, radix: 10, negative: negative))
    }

    private static func radixOf(_ letter: UInt8) -> Int64? {
        switch letter {
        case UInt8(ascii: "x"): 16
        case UInt8(ascii: "o"): 8
        case UInt8(ascii: "b"): 2
        default: nil
        }
    }

    /// Digits with single underscores between them, accumulated towards the sign so Int64.min fits.
    private static func integer(_ digits: ArraySlice<UInt8>, radix: Int64, negative: Bool) throws(NumberProblem) -> Int64 {
        guard wellSeparated(digits) else { throw .malformed }
        var value: Int64 = 0
        for byte in digits where byte != ASCII.underscore {
            guard let digit = hexValue(byte).map(Int64.init), digit < radix else { throw .malformed }
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: radix)
            let (next, overflowB) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflowA, !overflowB else { throw .overflow }
            value = next
        }
        return value
    }

    /// Underscores only between two digits; at least one digit.
    private static func wellSeparated(_ digits: ArraySlice<UInt8>) -> Bool {
        guard let first = digits.first, let last = digits.last, first != ASCII.underscore, last != ASCII.underscore else { return false }
        return !zip(digits, digits.dropFirst()).contains { $0 == ASCII.underscore && $1 == ASCII.underscore }
    }

    /// `int [. digits] [e [sign] digits]` with TOML's underscore and leading-zero rules.
    private static func float(_ token: [UInt8], body: ArraySlice<UInt8>) -> Double? {
        var integerPart = body[...]
        var fraction: ArraySlice<UInt8>?
        var exponent: ArraySlice<UInt8>?
        if let e = body.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            integerPart = body[..<e]
            var digits = body[(e + 1)...]
            if let sign = digits.first, sign == ASCII.plus || sign == ASCII.minus { digits = digits.dropFirst() }
            exponent = digits
        }
        if let dot = integerPart.firstIndex(of: ASCII.dot) {
            fraction = integerPart[(dot + 1)...]
            integerPart = integerPart[..<dot]
        }
        let parts = [integerPart] + [fraction, exponent].compactMap { $0 }
        guard parts.allSatisfy({ wellSeparated($0) && $0.allSatisfy { ASCII.isDigit($0) || $0 == ASCII.underscore } }) else {
            return nil
        }
        guard integerPart.first != UInt8(ascii: "0") || integerPart.count == 1 else { return nil }
        let cleaned = String(decoding: token.filter { $0 != ASCII.underscore }, as: UTF8.self)
        return Double(cleaned)
    }
}
