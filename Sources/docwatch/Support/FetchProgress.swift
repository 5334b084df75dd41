import DocWatchCore
import DocWatchIngest
import Foundation

/// What `docwatch fetch` says on stderr while it runs: at a terminal one line per finished source
/// (`[3/13] miit-gxdt listed 200 (12 new)`), and one line per failed poll, never more.
///
/// A failed source's own line at a terminal is its failure line; every other failure (and, off a
/// terminal, every failure) is printed once by `finish`. Off a terminal nothing else is written,
/// so tests and pipes see only the failures.
struct FetchProgress {
    let total: Int
    let isTerminal: Bool
    let sink: (String) -> Void
    private var done = 0

    /// `isTerminal` is normally `isatty(2)`; `sink` receives each line without its newline.
    init(total: Int, isTerminal: Bool, sink: @escaping (String) -> Void) {
        self.total = total
        self.isTerminal = isTerminal
        self.sink = sink
    }

    /// Progress on the process's stderr, shown only when stderr is a terminal.
    static func standardError(total: Int) -> FetchProgress {
        FetchProgress(total: total, isTerminal: isatty(STDERR_FILENO) != 0) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    /// Reports one finished source poll (at a terminal only).
    mutating func finished(_ report: PollReport) {
        done += 1
        guard isTerminal else { return }
        let counter = "[\(done)/\(total)]"
        if report.outcome == .error {
            sink("\(counter) \(Self.failureText(report))")
            return
        }
        var line = "\(counter) \(report.source) \(report.outcome.rawValue)"
        if let status = report.status { line += " \(status)" }
        let articles = Self.articleCounts(report)
        if !articles.isEmpty { line += " (\(articles))" }
        sink(line)
    }

    /// Writes the failure lines `finished` has not already shown: failed article polls at a
    /// terminal, every failed poll elsewhere.
    func finish(_ reports: [PollReport]) {
        for report in reports {
            let failures = Self.failures(report)
            let shown = isTerminal && report.outcome == .error ? 1 : 0
            for failure in failures.dropFirst(shown) { sink("docwatch: \(Self.failureText(failure))") }
        }
    }

    /// A failed poll and the failed article polls under it, the poll itself first.
    static func failures(_ report: PollReport) -> [PollReport] {
        (report.outcome == .error ? [report] : []) + report.articles.flatMap(failures)
    }

    /// One line naming the source, the error and the URL.
    static func failureText(_ report: PollReport) -> String {
        "source \(report.source): \(report.error ?? "failed") (\(report.url))"
    }

    /// "12 new, 1 changed, 2 failed" over a listing's article polls; empty when it has none of these.
    static func articleCounts(_ report: PollReport) -> String {
        let counted: [(FetchOutcome, String)] = [(.new, "new"), (.changed, "changed"), (.error, "failed")]
        return counted.compactMap { outcome, label in
            let count = report.articles.filter { $0.outcome == outcome }.count
            return count > 0 ? "\(count) \(label)" : nil
        }.joined(separator: ", ")
    }
}
