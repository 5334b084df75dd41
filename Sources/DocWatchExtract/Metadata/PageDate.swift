import Foundation

/// A date (and maybe time) read from a page, printed as DESIGN.md's `published`.
struct PageDate: Equatable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int?
    var minute: Int?
    var second: Int?
    /// The offset the page gave (`+08:00`, `Z`), in seconds; nil means the configured zone.
    var offset: Int?

    var hasTime: Bool { hour != nil }

    /// `2020-04-15T18:06:00+08:00`, or `2020-04-15` without a time.
    func iso8601(in zone: TimeZone) -> String {
        let date = Self.digits(year, 4) + "-" + Self.digits(month, 2) + "-" + Self.digits(day, 2)
        guard let hour else { return date }
        let seconds = offset ?? zoneOffset(zone, hour: hour)
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        return date + "T" + Self.digits(hour, 2) + ":" + Self.digits(minute ?? 0, 2) + ":" + Self.digits(second ?? 0, 2)
            + sign + Self.digits(magnitude / 3600, 2) + ":" + Self.digits(magnitude % 3600 / 60, 2)
    }

    /// `value` zero-padded to `width` digits.
    private static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// The zone's offset at this wall-clock time (daylight saving aware, to the hour).
    private func zoneOffset(_ zone: TimeZone, hour: Int) -> Int {
        let wallClock = Double(Self.daysSinceEpoch(year: year, month: month, day: day) * 86_400 + hour * 3600 + (minute ?? 0) * 60)
        let guess = zone.secondsFromGMT(for: Date(timeIntervalSince1970: wallClock))
        return zone.secondsFromGMT(for: Date(timeIntervalSince1970: wallClock - Double(guess)))
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
