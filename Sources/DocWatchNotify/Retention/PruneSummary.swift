import Logging

/// One prune's figures, as log metadata and as `docwatch prune` prints them.
public enum PruneSummary {
    /// The figures as log metadata (the daemon's "pruned" line).
    public static func metadata(_ report: PruneReport) -> Logger.Metadata {
        var metadata: Logger.Metadata = [:]
        for (key, value) in fields(report) { metadata[key] = "\(value)" }
        return metadata
    }

    /// The figures in a fixed order, named as the log and `prune --json` name them.
    public static func fields(_ report: PruneReport) -> [(String, Int64)] {
        [
            ("versions", Int64(report.store.versions)),
            ("bodies", Int64(report.store.bodies)),
            ("body_bytes", report.store.bodyBytes),
            ("outbox_rows", Int64(report.store.outboxRows)),
            ("fetch_log_rows", Int64(report.store.fetchLogRows)),
            ("change_files", Int64(report.changeLog.changeFiles)),
            ("diff_files", Int64(report.changeLog.diffFiles)),
            ("file_bytes", report.changeLog.bytes),
        ]
    }
}
