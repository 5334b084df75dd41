import DocWatchStore
import Logging

/// How a poll meets a store operation that fails: never silently. The failure is logged as one line
/// naming the URL, and the poll becomes an error whose report says what the store could not do (after
/// the poll's own error, if it already had one), so the scheduler counts it and `fetch` exits 1.
struct PollRecording: Sendable {
    let logger: Logger

    /// `report`, after `write` has recorded it; the failed poll's report when `write` throws.
    func write(_ report: PollReport, _ write: () throws(StoreError) -> Void) -> PollReport {
        do {
            try write()
            return report
        } catch {
            return failed(report, by: error)
        }
    }

    /// `report` turned into an error by a store failure, logged.
    func failed(_ report: PollReport, by error: StoreError) -> PollReport {
        logger.error("store failed during a poll", metadata: [
            "source": "\(report.source)", "url": "\(report.url)", "error": "\(error.description)",
        ])
        return report.failedByStore(error.description)
    }
}

extension PollReport {
    /// This poll as an error because the store failed as `message` says (after any error it already had).
    func failedByStore(_ message: String?) -> PollReport {
        var failed = self
        failed.outcome = .error
        failed.error = [error, message].compactMap { $0 }.joined(separator: "; ")
        failed.storeFailed = true
        return failed
    }
}
