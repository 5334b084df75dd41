/// Offset and local date-times, local dates and local times (RFC 3339 as TOML 1.0 restricts it).
extension TOMLScanner {
    /// Whether a date (`dddd-`) or a time (`dd:`) starts at the cursor.
    var looksAtDateOrTime: Bool {
        let digits = (0..<4).map { peek($0).map(ASCII.isDigit) ?? false }
        if digits[0], digits[1], peek(2) == ASCII.colon { return true }
        return digits.allSatisfy { $0 } && peek(4) == ASCII.minus
    }

    /// A date, time or date-time; the cursor is on its first digit.
    mutating func scanDateTime() throws(TOMLSyntaxError) -> TOMLDateTime {
        let start = index
        if peek(2) == ASCII.colon {
            try scanTime()
            return TOMLDateTime(kind: .localTime, text: text(start..<index))
        }
        try scanDate()
        let separator = peek()
        let timeFollows = separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t")
            || (separator == ASCII.space && (peek(1).map(ASCII.isDigit) ?? false) && (peek(2).map(ASCII.isDigit) ?? false) && peek(3) == ASCII.colon)
        guard timeFollows else { return TOMLDateTime(kind: .localDate, text: text(start..<index)) }
        advance()
        try scanTime()
        guard try scanOffset() else { return TOMLDateTime(kind: .localDateTime, text: text(start..<index)) }
        return TOMLDateTime(kind: .offsetDateTime, text: text(start..<index))
    }

    private mutating func scanDate() throws(TOMLSyntaxError) {
        let year = try digits(4, what: "year")
        try expect(ASCII.minus, in: "date")
        let month = try digits(2, what: "month")
        try expect(ASCII.minus, in: "date")
        let day = try digits(2, what: "day")
        guard (1...12).contains(month) else { throw error("month \(month) is not 1–12") }
        guard (1...Self.daysIn(month: month, year: year)).contains(day) else {
            throw error("day \(day) does not exist in \(year)-\(month < 10 ? "0" : "")\(month)")
        }
    }

    private mutating func scanTime() throws(TOMLSyntaxError) {
        let hour = try digits(2, what: "hour")
        try expect(ASCII.colon, in: "time")
        let minute = try digits(2, what: "minute")
        try expect(ASCII.colon, in: "time")
        let second = try digits(2, what: "second")
        guard hour < 24, minute < 60, second <= 60 else { throw error("time \(hour):\(minute):\(second) is out of range") }
        if take(ASCII.dot) {
            guard peek().map(ASCII.isDigit) == true else { throw error("expected digits after the decimal point of a time") }
            while let byte = peek(), ASCII.isDigit(byte) { advance() }
        }
    }

    /// `Z` or `±hh:mm` after a time; false when none follows.
    private mutating func scanOffset() throws(TOMLSyntaxError) -> Bool {
        if take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) { return true }
        guard peek() == ASCII.plus || peek() == ASCII.minus else { return false }
        advance()
        let hours = try digits(2, what: "offset hour")
        try expect(ASCII.colon, in: "time offset")
        let minutes = try digits(2, what: "offset minute")
        guard hours < 24, minutes < 60 else { throw error("time offset is out of range") }
        return true
    }

    private mutating func digits(_ count: Int, what: String) throws(TOMLSyntaxError) -> Int {
        var value = 0
        for _ in 0..<count {
            guard let byte = peek(), ASCII.isDigit(byte) else { throw error("expected \(count) digits for the \(what)") }
            value = value * 10 + Int(byte - 0x30)
            advance()
        }
        return value
    }

    private mutating func expect(_ byte: UInt8, in what: String) throws(TOMLSyntaxError) {
        guard take(byte) else { throw error("expected '\(Character(Unicode.Scalar(byte)))' in a \(what)") }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
