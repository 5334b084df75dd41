import DocWatchCore
/// Finds dates in the forms Chinese sites print them, without reading past the text it is given.
///
/// `2020-04-15 10:30`, `2024/8/6 8:39:00`, `2020.04.15`, `2020年2月26日 10时30分`,
/// `2020-04-15T18:06:00+08:00`. A date must not touch other digits, so "12020-04-15" is no date;
/// a time is only read when it follows the date in the same text, and never past its seconds.
enum DateScanner {
    /// The first date in `text`.
    static func first(in text: String) -> PageDate? {
        first(in: Array(text.unicodeScalars))?.date
    }

    /// The first date in `scalars`, with the scalar range it covers.
    static func first(in scalars: [Unicode.Scalar]) -> (date: PageDate, range: Range<Int>)? {
        var index = 0
        while index < scalars.count {
            if isDigit(scalars, index), !isDigit(scalars, index - 1), let found = date(in: scalars, at: index) {
                return found
            }
            index += 1
        }
        return nil
    }

    /// A date in a URL path: the scanner's forms, `20200415` (as in `t20200415_123.html`) and `202004/15`.
    static func inURL(_ url: String) -> PageDate? {
        let scalars = Array(url.unicodeScalars)
        if let found = first(in: scalars) { return found.date }
        var index = 0
        while index < scalars.count {
            guard isDigit(scalars, index), !isDigit(scalars, index - 1) else { index += 1; continue }
            var end = index
            while isDigit(scalars, end) { end += 1 }
            let digits = String(String.UnicodeScalarView(scalars[index..<end]))
            if digits.count == 8, let date = validated(Int(digits.prefix(4)), Int(digits.dropFirst(4).prefix(2)), Int(digits.suffix(2))) {
                return date
            }
            if digits.count == 6, end + 2 < scalars.count, scalars[end] == "/", isDigit(scalars, end + 1), isDigit(scalars, end + 2),
               !isDigit(scalars, end + 3),
               let date = validated(Int(digits.prefix(4)), Int(digits.suffix(2)), number(scalars, end + 1, 2)) {
                return date
            }
            index = end
        }
        return nil
    }

    private static func date(in s: [Unicode.Scalar], at start: Int) -> (date: PageDate, range: Range<Int>)? {
        if let found = usDate(in: s, at: start) { return found }
        guard let year = number(s, start, 4), !isDigit(s, start + 4), start + 4 < s.count else { return nil }
        let separator = s[start + 4]
        guard ["-", "/", ".", "年"].contains(separator) else { return nil }
        var cursor = skipSpaces(s, start + 5, limit: separator == "年" ? 1 : 0)
        guard let (month, afterMonth) = shortNumber(s, cursor) else { return nil }
        cursor = skipSpaces(s, afterMonth, limit: separator == "年" ? 1 : 0)
        let expected: Unicode.Scalar = separator == "年" ? "月" : separator
        guard cursor < s.count, s[cursor] == expected else { return nil }
        cursor = skipSpaces(s, cursor + 1, limit: separator == "年" ? 1 : 0)
        guard let (day, afterDay) = shortNumber(s, cursor), var found = validated(year, month, day) else { return nil }
        cursor = afterDay
        if separator == "年", cursor < s.count, s[cursor] == "日" || s[cursor] == "号" { cursor += 1 }
        // `2024-08-06-08:39:00` (gov.cn's firstpublishedtime): a dash, then a time with its colon.
        var timeStart = cursor
        if separator == "-", cursor + 2 < s.count, s[cursor] == "-", let (_, afterHour) = shortNumber(s, cursor + 1),
           afterHour < s.count, s[afterHour] == ":" {
            timeStart += 1
        }
        if let (time, end) = time(in: s, at: timeStart) {
            found.hour = time.hour
            found.minute = time.minute
            found.second = time.second
            found.offset = time.offset
            cursor = end
        }
        return (found, start..<cursor)
    }

    /// `9/17/2004 5:54:13 AM`, `7/5/2005`: a number above 12 is the day; otherwise day first, as
    /// everywhere but the United States.
    private static func usDate(in s: [Unicode.Scalar], at start: Int) -> (date: PageDate, range: Range<Int>)? {
        guard let (first, afterFirst) = shortNumber(s, start), afterFirst < s.count, s[afterFirst] == "/",
              let (second, afterSecond) = shortNumber(s, afterFirst + 1), afterSecond < s.count, s[afterSecond] == "/",
              let year = number(s, afterSecond + 1, 4), !isDigit(s, afterSecond + 5) else { return nil }
        let (month, day) = second > 12 ? (first, second) : (second, first)
        guard var found = validated(year, month, day) else { return nil }
        var cursor = afterSecond + 5
        if let (time, end) = time(in: s, at: cursor) {
            found.hour = time.hour
            found.minute = time.minute
            found.second = time.second
            cursor = end
        }
        return (found, start..<cursor)
    }

    private typealias Time = (hour: Int, minute: Int, second: Int?, offset: Int?)

    /// A time right after a date: `18:06`, `8:39:00`, `T18:06:00+08:00`, `10时30分`.
    private static func time(in s: [Unicode.Scalar], at start: Int) -> (Time, Int)? {
        var cursor = start
        let iso = cursor < s.count && s[cursor] == "T"
        if iso { cursor += 1 } else { cursor = skipSpaces(s, cursor, limit: 3) }
        guard let (clockHour, afterHour) = shortNumber(s, cursor), afterHour < s.count, clockHour < 24 else { return nil }
        let mark = s[afterHour]
        let chinese = mark == "时" || mark == "時" || mark == "点" || mark == "點"
        guard mark == ":" || mark == "：" || chinese, let minute = number(s, afterHour + 1, 2), minute < 60 else { return nil }
        cursor = afterHour + 3
        if chinese {
            if cursor < s.count, s[cursor] == "分" { cursor += 1 }
            return ((clockHour, minute, nil, nil), cursor)
        }
        var second: Int?
        if cursor < s.count, s[cursor] == ":" || s[cursor] == "：", let value = number(s, cursor + 1, 2), value < 60, !isDigit(s, cursor + 3) {
            second = value
            cursor += 3
            if cursor < s.count, s[cursor] == "." {
                cursor += 1
                while isDigit(s, cursor) { cursor += 1 }
            }
        } else if isDigit(s, cursor) {
            return nil
        }
        var hour = clockHour
        let meridiem = skipSpaces(s, cursor, limit: 1)
        if meridiem + 1 < s.count, s[meridiem + 1] == "M" || s[meridiem + 1] == "m" {
            if s[meridiem] == "P" || s[meridiem] == "p" {
                if hour < 12 { hour += 12 }
                cursor = meridiem + 2
            } else if s[meridiem] == "A" || s[meridiem] == "a" {
                if hour == 12 { hour = 0 }
                cursor = meridiem + 2
            }
        }
        var offset: Int?
        if cursor < s.count, s[cursor] == "Z" {
            offset = 0
            cursor += 1
        } else if iso, cursor < s.count, s[cursor] == "+" || s[cursor] == "-", let hours = number(s, cursor + 1, 2), hours <= 14 {
            // Only an ISO time (`T…`) carries an offset: after `10:30`, `-11:30` is the end of a range.
            var minutesAt = cursor + 3
            if minutesAt < s.count, s[minutesAt] == ":" { minutesAt += 1 }
            let minutes = number(s, minutesAt, 2) ?? 0
            offset = (s[cursor] == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
            cursor = minutesAt + (number(s, minutesAt, 2) == nil ? 0 : 2)
        }
        return ((hour, minute, second, offset), cursor)
    }

    private static func validated(_ year: Int?, _ month: Int?, _ day: Int?) -> PageDate? {
        guard let year, let month, let day, (1990...2099).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        return PageDate(year: year, month: month, day: day)
    }

    private static func isDigit(_ s: [Unicode.Scalar], _ index: Int) -> Bool {
        index >= 0 && index < s.count && CharacterClass.isDigit(s[index])
    }

    /// Exactly `count` digits at `index`.
    private static func number(_ s: [Unicode.Scalar], _ index: Int, _ count: Int) -> Int? {
        guard index >= 0, index + count <= s.count else { return nil }
        var value = 0
        for offset in 0..<count {
            guard CharacterClass.isDigit(s[index + offset]) else { return nil }
            value = value * 10 + Int(s[index + offset].value - 48)
        }
        return value
    }

    /// One or two digits at `index`, not followed by a third.
    private static func shortNumber(_ s: [Unicode.Scalar], _ index: Int) -> (Int, Int)? {
        guard isDigit(s, index) else { return nil }
        if isDigit(s, index + 1) {
            guard !isDigit(s, index + 2), let value = number(s, index, 2) else { return nil }
            return (value, index + 2)
        }
        return (Int(s[index].value - 48), index + 1)
    }

    private static func skipSpaces(_ s: [Unicode.Scalar], _ index: Int, limit: Int) -> Int {
        var cursor = index
        while cursor < s.count, cursor - index < limit, Whitespace.isSpace(s[cursor]) { cursor += 1 }
        return cursor
    }
}
