import Foundation

/// One row of a result, every column read as the server's text output (dates in UTC, see `PostgresConnection`).
public struct PostgresRow: Sendable {
    let columns: [String: Int]
    let values: [String?]

    /// The column's text, nil for NULL or a column the query did not return.
    public func string(_ column: String) -> String? {
        guard let index = columns[column] else { return nil }
        return values[index]
    }

    public func int(_ column: String) -> Int? { string(column).flatMap { Int($0) } }

    public func int64(_ column: String) -> Int64? { string(column).flatMap { Int64($0) } }

    public func double(_ column: String) -> Double? { string(column).flatMap { Double($0) } }

    /// A `boolean` column (`t`/`f`) or an integer one (non-zero is true).
    public func bool(_ column: String) -> Bool? {
        guard let text = string(column) else { return nil }
        switch text {
        case "t", "true": return true
        case "f", "false": return false
        default: return Int(text).map { $0 != 0 }
        }
    }

    /// A `timestamptz` column, as the session prints it (`2026-11-28 08:15:00.123+00`).
    public func date(_ column: String) -> Date? { string(column).flatMap(PostgresTimestamp.parse) }

    /// A `bytea` column (hex output, `\x…`).
    public func bytes(_ column: String) -> [UInt8]? { string(column).flatMap(PostgresHex.decode) }
}

/// Parses the `ISO` date style's `timestamptz` output in UTC without a DateFormatter.
enum PostgresTimestamp {
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19 else { return nil }
        func number(_ start: Int, _ length: Int) -> Int? {
            var value = 0
            for index in start..<(start + length) {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2) else { return nil }
        var fraction = 0.0
        var index = 19
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        var offsetSeconds = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            let hours = index + 3 <= bytes.count ? number(index + 1, 2) ?? 0 : 0
            let minutes = index + 6 <= bytes.count && bytes[index + 3] == UInt8(ascii: ":") ? number(index + 4, 2) ?? 0 : 0
            offsetSeconds = sign * (hours * 3600 + minutes * 60)
        }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let seconds = timegm(&parts)
        // Round to the millisecond the value was written with (a Double fraction is not exact).
        let milliseconds = ((Double(seconds - offsetSeconds) + fraction) * 1000).rounded()
        return Date(timeIntervalSince1970: milliseconds / 1000)
    }
}

/// `bytea`'s hex output format.
enum PostgresHex {
    static func decode(_ text: String) -> [UInt8]? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "\\"), bytes[1] == UInt8(ascii: "x"), bytes.count % 2 == 0 else { return nil }
        func nibble(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 48...57: byte - 48
            case 97...102: byte - 87
            case 65...70: byte - 55
            default: nil
            }
        }
        var result: [UInt8] = []
        result.reserveCapacity((bytes.count - 2) / 2)
        var index = 2
        while index < bytes.count {
            guard let high = nibble(bytes[index]), let low = nibble(bytes[index + 1]) else { return nil }
            result.append(high << 4 | low)
            index += 2
        }
        return result
    }
}
