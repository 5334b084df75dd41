import Foundation

/// When to try a failing push target again, and what is worth a log line. Pure: the random draw is
/// passed in.
///
/// The wait starts at `initialDelay` and doubles per failed attempt up to `maximumDelay`; jitter
/// shortens each wait by up to `jitter` of itself, so targets that failed together do not retry in
/// lockstep, and a wait never exceeds `maximumDelay`. Nothing is dropped while a target fails: its
/// cursor stays put. Failure counting and the start/recovery reports are `DrainRetry`'s.
public struct PushRetry: Sendable, Equatable {
    public private(set) var state: DrainRetry
    /// Fraction (0…1) of each wait that jitter may take off.
    public let jitter: Double

    public init(initialDelay: TimeInterval = 1, maximumDelay: TimeInterval = 600, jitter: Double = 0.2) {
        state = DrainRetry(initialDelay: initialDelay, maximumDelay: maximumDelay)
        self.jitter = min(1, max(0, jitter))
    }

    /// Failed attempts in a row.
    public var failures: Int { state.failures }

    /// How long to wait before the next attempt given a draw in 0..<1; nil when the last attempt worked.
    public func delay(draw: Double) -> TimeInterval? {
        guard let base = state.delay else { return nil }
        return base * (1 - jitter * min(1, max(0, draw)))
    }

    /// Records a failed attempt.
    public mutating func failed(_ error: String) -> DrainRetry.Report {
        state.failed(error)
    }

    /// Records an attempt after which the target had every event it wanted; `delivered` counts them.
    public mutating func succeeded(delivered: Int) -> DrainRetry.Report {
        state.succeeded(written: delivered)
    }
}
