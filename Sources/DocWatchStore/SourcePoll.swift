import DocWatchCore
import Foundation

/// The outcome of one poll of a source, as `recordSourcePolls` records it in the source's health.
public struct SourcePoll: Sendable, Equatable {
    public var source: String
    public var time: Date
    public var outcome: FetchOutcome
    /// The failure's message, kept only when `outcome` is `.error`.
    public var error: String?
    /// When the source is next due; nil keeps the stored one.
    public var nextDue: Date?

    public init(source: String, time: Date, outcome: FetchOutcome, error: String?, nextDue: Date? = nil) {
        self.source = source
        self.time = time
        self.outcome = outcome
        self.error = error
        self.nextDue = nextDue
    }
}
