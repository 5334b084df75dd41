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
        let date = String(format: "%04d-%02d-%02d", year, month, day)
        guard let hour else { return date }
        let seconds = offset ?? zoneOffset(zone, hour: hour)
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        return date + String(format: "T%02d:%02d:%02d%@%02d:%02d", hour, minute ?? 0, second ?? 0, sign, magnitude / 3600, magnitude % 3600 / 60)
    }

    /// The zone's offset at this wall-clock time (daylight saving aware).
    private func zoneOffset(_ zone: TimeZone, hour: Int) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute ?? 0)
        guard let instant = calendar.date(from: components) else { return zone.secondsFromGMT() }
        return zone.secondsFromGMT(for: instant)
    }
}
