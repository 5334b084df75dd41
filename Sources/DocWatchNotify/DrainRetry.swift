import Foundation

/// Something that writes the pending outbox events out: the `Notifier`, or a fake in tests.
public protocol OutboxDraining: Sendable {
    /// Writes every pending event; returns how many were written.
    @discardableResult
    func drain() throws -> Int
}

/// When to try a failing drain again, and what is worth a log line.
///
/// While writes fail (disk full, directory gone) the delay doubles from `initialDelay` up to
/// `maximumDelay`, and new events do not trigger extra attempts; the first failure is reported
/// once, with its error, and the first success after failures once, with how many events had
/// been held back.
public struct DrainRetry: Sendable, Equatable {
    /// What a drain attempt is worth logging.
    public enum Report: Sendable, Equatable {
        /// Nothing new: all is well, or still failing.
        case quiet
        /// The first failure after success.
        case startedFailing(error: String)
        /// The first success after `failedAttempts` failures; `written` events had been held back.
        case recovered(failedAttempts: Int, written: Int)
    }

    public let initialDelay: TimeInterval
    public let maximumDelay: TimeInterval
    /// Failed attempts in a row.
    public private(set) var failures = 0

    public init(initialDelay: TimeInterval = 1, maximumDelay: TimeInterval = 60) {
        self.initialDelay = initialDelay
        self.maximumDelay = max(initialDelay, maximumDelay)
    }

    /// How long to wait before the next attempt; nil when the last attempt worked (wait for new events).
    public var delay: TimeInterval? {
        guard failures > 0 else { return nil }
        let doublings = Double(min(failures - 1, 62))
        return min(maximumDelay, initialDelay * pow(2, doublings))
    }

    /// Records a failed attempt.
    public mutating func failed(_ error: String) -> Report {
        failures += 1
        return failures == 1 ? .startedFailing(error: error) : .quiet
    }

    /// Records an attempt that wrote `written` events.
    public mutating func succeeded(written: Int) -> Report {
        defer { failures = 0 }
        return failures > 0 ? .recovered(failedAttempts: failures, written: written) : .quiet
    }
}
