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

    /// How many of these polls stored a new or changed document.
    public var documentChanges: Int {
        allReports.filter { $0.outcome == .new || $0.outcome == .changed }.count
    }

    /// Whether any of these polls wrote an outbox event.
    public var wroteEvents: Bool {
        allReports.contains { $0.event != nil }
    }
}
