import Foundation

/// The time of day, injected so schedules and logs can be tested without waiting.
public protocol WallClock: Sendable {
    func now() -> Date
}

/// The system clock.
public struct SystemClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// ISO 8601 in UTC with whole seconds: `2026-11-21T08:00:03Z`.
public enum Timestamp {
    public static func utc(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon).timeZone(separator: .omitted))
    }

    /// Parses `2026-11-21T08:00:03Z`, `2026-11-21T08:00:03+08:00` and `2026-11-21`.
    public static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let date = try? Date(text, strategy: .iso8601.year().month().day()) { return date }
        return nil
    }
}
