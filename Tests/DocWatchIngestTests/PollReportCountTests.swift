import DocWatchCore
import Testing

@testable import DocWatchIngest

/// `documentChanges` and `wroteEvents` count a poll and all its article polls, nested at any depth, as
/// the flattened `allReports` does.
@Suite("Poll report counts")
struct PollReportCountTests {
    private static func report(_ outcome: FetchOutcome, event: Int64? = nil, articles: [PollReport] = []) -> PollReport {
        PollReport(source: "s", url: "https://example.cn/", outcome: outcome, event: event, articles: articles)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var report: PollReport
        var changes: Int
        var events: Bool
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(name: "a 304", report: report(.notModified), changes: 0, events: false),
        Case(name: "a new page with its event", report: report(.new, event: 7), changes: 1, events: true),
        Case(name: "a changed page", report: report(.changed), changes: 1, events: false),
        Case(name: "a listing with a new and an unchanged article",
             report: report(.listed, articles: [report(.new, event: 3), report(.unchanged)]), changes: 1, events: true),
        Case(name: "a new article two levels down",
             report: report(.listed, articles: [report(.listed, articles: [report(.changed, event: 9)])]), changes: 1, events: true),
        Case(name: "a failed listing without events", report: report(.error, articles: [report(.error)]), changes: 0, events: false),
    ])
    func countsMatchFlattened(_ sample: Case) {
        #expect(sample.report.documentChanges == sample.changes)
        #expect(sample.report.wroteEvents == sample.events)
        #expect(sample.report.documentChanges == sample.report.allReports.filter { $0.outcome == .new || $0.outcome == .changed }.count)
        #expect(sample.report.wroteEvents == sample.report.allReports.contains { $0.event != nil })
    }
}
