import DocWatchCore
import Foundation

/// Turns the date an API gives an item (epoch seconds, epoch milliseconds, or a date text) into
/// DESIGN.md's `published` form: `2024-07-30T09:15:00+08:00`, in `zone` when the value names none.
enum ListingDate {
    /// Numbers from this on are milliseconds: as seconds they would lie past the year 5138.
    static let millisecondsFrom: Double = 100_000_000_000

    /// `text` as ISO 8601, or nil when it is no date docwatch can read.
    static func iso8601(_ text: String, zone: TimeZone) -> String? {
        let trimmed = Whitespace.trim(text)
        if let number = Double(trimmed), trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) {
            // Eight digits are a date (`20240730`); epoch seconds since 1973 have nine or more.
            if trimmed.count == 8 { return DateScanner.inURL(trimmed)?.iso8601(in: zone) }
            return epoch(number, zone: zone)
        }
        return DateScanner.first(in: trimmed)?.iso8601(in: zone)
    }

    /// Epoch seconds or milliseconds as local time in `zone`.
    static func epoch(_ value: Double, zone: TimeZone) -> String? {
        let seconds = value >= millisecondsFrom ? value / 1000 : value
        guard seconds > 0, seconds < 32_503_680_000 else { return nil }  // before the year 3000
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let date = Date(timeIntervalSince1970: seconds.rounded(.down))
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        let local = PageDate(year: year, month: month, day: day, hour: parts.hour ?? 0, minute: parts.minute ?? 0,
                             second: parts.second ?? 0, offset: zone.secondsFromGMT(for: date))
        return local.iso8601(in: zone)
    }
}
