import Foundation

/// A source's poll state as stored: when it is due next and how many polls in a row failed.
///
/// The store reads it and the scheduler resumes from it; it lives here so the schedule needs no store.
public struct SourceSchedule: Sendable, Equatable {
    public var nextDue: Date?
    public var failures: Int

    public init(nextDue: Date?, failures: Int) {
        self.nextDue = nextDue
        self.failures = failures
    }
}
