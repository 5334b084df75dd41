import Foundation
import GRDB

/// A date bound as GRDB stores one ("yyyy-MM-dd HH:mm:ss.SSS", UTC, to the nearest millisecond), formatted
/// without DateFormatter: GRDB's formatter goes through ICU for every date, a few percent of a poll.
/// Reads back as a `Date` like any other stored date.
package struct StoredDate: DatabaseValueConvertible {
    package let text: String

    package init(_ date: Date) {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var seconds = time_t(milliseconds.floorDivided(by: 1000))
        let fraction = Int(milliseconds - Int64(seconds) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var text = ""
        text.reserveCapacity(23)
        Self.append(Int(parts.tm_year) + 1900, digits: 4, to: &text)
        text.append("-")
        Self.append(Int(parts.tm_mon) + 1, digits: 2, to: &text)
        text.append("-")
        Self.append(Int(parts.tm_mday), digits: 2, to: &text)
        text.append(" ")
        Self.append(Int(parts.tm_hour), digits: 2, to: &text)
        text.append(":")
        Self.append(Int(parts.tm_min), digits: 2, to: &text)
        text.append(":")
        Self.append(Int(parts.tm_sec), digits: 2, to: &text)
        text.append(".")
        Self.append(fraction, digits: 3, to: &text)
        self.text = text
    }

    private static func append(_ value: Int, digits: Int, to text: inout String) {
        let number = String(value)
        if number.count < digits { text.append(String(repeating: "0", count: digits - number.count)) }
        text.append(number)
    }

    package var databaseValue: DatabaseValue { text.databaseValue }

    package static func fromDatabaseValue(_ dbValue: DatabaseValue) -> StoredDate? {
        Date.fromDatabaseValue(dbValue).map(StoredDate.init)
    }
}

extension Int64 {
    /// Division rounding toward negative infinity (a date before 1970 keeps a positive fraction).
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor < 0) ? quotient - 1 : quotient
    }
}
