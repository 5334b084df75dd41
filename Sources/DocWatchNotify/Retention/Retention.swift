import DocWatchCore
import DocWatchStore
import Foundation

/// What one prune freed (or, dry, would free).
public struct PruneReport: Sendable, Equatable {
    public var store = StorePruneResult()
    public var changeLog = ChangeLogPruneResult()

    public init() {}

    /// Whether anything was (or would be) freed.
    public var isEmpty: Bool { self == PruneReport() }
}

/// Applies `[retention]` and `keep_fetch_log` to the store and the log directory; used by the daemon's
/// daily prune and by `docwatch prune`.
public struct Retention: Sendable {
    public let database: any DocumentStore
    public let logDir: String

    public init(database: any DocumentStore, logDir: String) {
        self.database = database
        self.logDir = logDir
    }

    /// The store's part of `configuration`'s retention as of `now`.
    public static func storePlan(_ configuration: Configuration, now: Date) -> StorePrunePlan {
        let retention = configuration.retention
        return StorePrunePlan(
            keepVersions: retention.keepVersions,
            rawBefore: RetentionPolicy.cutoff(keep: retention.keepRaw, now: now),
            outboxBefore: RetentionPolicy.cutoff(keep: retention.keepChanges, now: now),
            fetchLogBefore: RetentionPolicy.cutoff(keep: configuration.keepFetchLog, now: now))
    }

    public func prune(_ configuration: Configuration, now: Date, dryRun: Bool) throws(StoreError) -> PruneReport {
        var report = PruneReport()
        report.store = try database.prune(Self.storePlan(configuration, now: now), dryRun: dryRun)
        if let cutoff = RetentionPolicy.cutoff(keep: configuration.retention.keepChanges, now: now) {
            report.changeLog = ChangeLogPruner(directory: ChangeLogDirectory(path: logDir)).prune(before: cutoff, dryRun: dryRun)
        }
        return report
    }
}
