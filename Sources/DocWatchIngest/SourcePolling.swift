import DocWatchCore

/// Anything that polls one source to the end: the ingest pipeline, or a fake in tests.
public protocol SourcePolling: Sendable {
    func poll(_ source: Source) async -> PollReport
}

extension IngestPipeline: SourcePolling {}

extension PollReport {
    /// This poll and its article polls, flattened.
    public var allReports: [PollReport] {
        [self] + articles.flatMap(\.allReports)
    }

    /// How many of these polls stored a new or changed document. Counted without flattening: the
    /// scheduler asks after every poll, and a page poll has no articles.
    public var documentChanges: Int {
        articles.reduce(outcome == .new || outcome == .changed ? 1 : 0) { $0 + $1.documentChanges }
    }

    /// Whether any of these polls wrote an outbox event.
    public var wroteEvents: Bool {
        event != nil || articles.contains { $0.wroteEvents }
    }
}
