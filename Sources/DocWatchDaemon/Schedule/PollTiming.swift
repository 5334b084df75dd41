import DocWatchCore
import Foundation

/// The schedule arithmetic: when a source is due next, after a poll, at start-up and after a reload.
///
/// Pure functions of the instants and the jitter draw they are given, so they are tested without
/// a clock. `jitter` is a draw in -1...1 (or 0...1 where only a delay is spread); the caller supplies
/// randomness, tests supply fixed draws.
public struct PollTiming: Sendable, Equatable {
    public var settings: ScheduleSettings

    public init(settings: ScheduleSettings) {
        self.settings = settings
    }

    /// The wait after a poll: the interval ± jitter on success; after `failures` failures in a row the
    /// interval doubled per failure up to `max_backoff` (never less than the interval), ± jitter; and
    /// never sooner than a `Retry-After`, honoured up to the longest of `max_backoff`, the interval and
    /// `retryAfterCeiling` (a day).
    public func delay(interval: TimeInterval, failures: Int, retryAfter: TimeInterval?, jitter: Double) -> TimeInterval {
        let base: TimeInterval
        if failures > 0 {
            let doubled = interval * pow(2, Double(min(failures, 40)))
            base = max(interval, min(doubled, settings.maxBackoff))
        } else {
            base = interval
        }
        let spread = base * (1 + settings.jitter * clamp(jitter, -1, 1))
        guard let retryAfter else { return spread }
        let longest = max(settings.maxBackoff, interval, Self.retryAfterCeiling)
        return max(spread, min(retryAfter, longest))
    }

    /// How long a `Retry-After` past `max_backoff` is honoured: a day. A longer one (a typo, a
    /// server asking for a month) is cut to the longest of this, `max_backoff` and the interval.
    public static let retryAfterCeiling: TimeInterval = 86_400

    /// When a source is due at start-up or when it first appears: a stored due time still ahead is kept
    /// (a restart resumes the schedule); an overdue or unknown one is spread over the jitter window, so a
    /// restart after an outage does not poll everything at once. `jitter` is a draw in 0...1.
    public func resumeDue(stored: Date?, now: Date, interval: TimeInterval, jitter: Double) -> Date {
        if let stored, stored > now { return stored }
        return now.addingTimeInterval(startWindow(interval: interval) * clamp(jitter, 0, 1))
    }

    /// When a source whose settings changed in a reload is due: a changed URL or kind is polled soon
    /// (within the start window); a changed interval brings the due time forward when the new one is shorter.
    public func rescheduledDue(
        current: Date, now: Date, old: Source, new: Source, interval: TimeInterval, jitter: Double
    ) -> Date {
        if Self.isMoved(from: old, to: new) {
            return resumeDue(stored: nil, now: now, interval: interval, jitter: jitter)
        }
        return min(current, now.addingTimeInterval(interval * (1 + settings.jitter * clamp(jitter, 0, 1))))
    }

    /// Whether a reload points a source somewhere else (URL, kind or `follow`): then it is polled soon.
    public static func isMoved(from old: Source, to new: Source) -> Bool {
        old.url != new.url || old.kind != new.kind || old.follow != new.follow
    }

    /// The window that first polls are spread over: the jitter share of the interval, at most a minute.
    func startWindow(interval: TimeInterval) -> TimeInterval {
        min(interval * settings.jitter, 60)
    }

    private func clamp(_ value: Double, _ low: Double, _ high: Double) -> Double {
        min(max(value, low), high)
    }
}
