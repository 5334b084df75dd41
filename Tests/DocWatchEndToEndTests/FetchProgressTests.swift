import DocWatchCore
import DocWatchIngest
@testable import docwatch
import Foundation
import Testing

/// The lines `fetch` writes on stderr, from the reports it gets, at a terminal and elsewhere.
@Suite("fetch progress lines")
struct FetchProgressTests {
    final class Lines: @unchecked Sendable {
        var all: [String] = []
    }

    static let reports = [
        PollReport(source: "gov-a", url: "https://a.example/", outcome: .changed, status: 200),
        PollReport(source: "miit-gxdt", url: "https://b.example/list", outcome: .listed, status: 200, articles: [
            PollReport(source: "miit-gxdt", url: "https://b.example/1", outcome: .new, status: 200),
            PollReport(source: "miit-gxdt", url: "https://b.example/2", outcome: .new, status: 200),
            PollReport(source: "miit-gxdt", url: "https://b.example/3", outcome: .error, status: 500, error: "HTTP 500"),
        ]),
        PollReport(source: "down", url: "http://127.0.0.1:9/", outcome: .error, error: "connection failed"),
    ]

    func run(isTerminal: Bool) -> [String] {
        let lines = Lines()
        var progress = FetchProgress(total: Self.reports.count, isTerminal: isTerminal) { lines.all.append($0) }
        Self.reports.forEach { progress.finished($0) }
        progress.finish(Self.reports)
        return lines.all
    }

    @Test("at a terminal: a counter line per source, the failed source's line its failure line, a failed article once after")
    func terminal() {
        #expect(run(isTerminal: true) == [
            "[1/3] gov-a changed 200",
            "[2/3] miit-gxdt listed 200 (2 new, 1 failed)",
            "[3/3] source down: connection failed (http://127.0.0.1:9/)",
            "docwatch: source miit-gxdt: HTTP 500 (https://b.example/3)",
        ])
    }

    @Test("off a terminal: only one line per failure")
    func notTerminal() {
        #expect(run(isTerminal: false) == [
            "docwatch: source miit-gxdt: HTTP 500 (https://b.example/3)",
            "docwatch: source down: connection failed (http://127.0.0.1:9/)",
        ])
    }
}
