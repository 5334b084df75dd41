import Foundation

/// The time of day and waiting for one, injected so schedules, timers and logs can be tested without
/// waiting: every timer loop of the daemon sleeps on the clock it is given.
public protocol WallClock: Sendable {
    /// The current time.
    func now() -> Date

    /// Returns once `deadline` has come by this clock (at once when it has); throws `CancellationError`
    /// when the task is cancelled first.
    func sleep(until deadline: Date) async throws
}

extension WallClock {
    /// Sleeps `seconds` from now by this clock.
    public func sleep(for seconds: TimeInterval) async throws {
        try await sleep(until: now().addingTimeInterval(seconds))
    }
}

/// The system clock: wall time from `Date()`, sleeps measured on the monotonic clock.
public struct SystemClock: WallClock {
    public init() {}

    public func now() -> Date { Date() }

    /// Sleeps the wall-time distance to `deadline` as it is now; a later change of the system time
    /// does not move the wake-up.
    public func sleep(until deadline: Date) async throws {
        let seconds = deadline.timeIntervalSince(now())
        guard seconds > 0 else { return try Task.checkCancellation() }
        try await Task.sleep(for: .milliseconds(Int64((seconds * 1000).rounded(.up))))
    }
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
