import Foundation

/// Which stored things `[retention]` lets go, as pure arithmetic on what is there and "now".
public enum RetentionPolicy {
    /// The instant before which things older than `keep` go; nil when `keep` is nil (keep everything).
    public static func cutoff(keep: TimeInterval?, now: Date) -> Date? {
        keep.map { now.addingTimeInterval(-$0) }
    }

    /// The versions of one document to delete: all but the newest `keep` by number, never `current`.
    ///
    /// `numbers` may come in any order; the result is ascending.
    public static func versionsToDelete(numbers: [Int], current: Int?, keep: Int) -> [Int] {
        let newestFirst = numbers.sorted(by: >)
        return newestFirst.dropFirst(max(keep, 1)).filter { $0 != current }.sorted()
    }

    /// The days (`YYYY-MM-DD`, UTC) whose change file and diff folder go: those whose whole day ended
    /// before `cutoff`. The newest day present always stays, so the log never loses its last event line.
    public static func expiredDays(_ days: [String], cutoff: Date?) -> [String] {
        guard let cutoff, let newest = days.max() else { return [] }
        return days.filter { day in
            guard day != newest, let start = dayStart(day) else { return false }
            return start.addingTimeInterval(86_400) <= cutoff
        }.sorted()
    }

    /// Midnight UTC starting `day` (`YYYY-MM-DD`), or nil when it is not such a date.
    public static func dayStart(_ day: String) -> Date? {
        let parts = day.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let date = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(date)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let components = DateComponents(year: year, month: month, day: date)
        guard let start = calendar.date(from: components),
              calendar.component(.day, from: start) == date
        else { return nil }
        return start
    }
}
