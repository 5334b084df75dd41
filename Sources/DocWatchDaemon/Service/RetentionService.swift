import DocWatchCore
import DocWatchStore
import Foundation
import Logging
import ServiceLifecycle

/// Prunes by `[retention]` and `keep_fetch_log` at start and then every `period` (a day), with the
/// configuration in force at that moment (it follows reloads).
public struct RetentionService: Service {
    private let retention: Retention
    private let configuration: LiveConfiguration
    private let clock: any WallClock
    private let period: TimeInterval
    private let logger: Logger

    public init(retention: Retention, configuration: LiveConfiguration,
                clock: any WallClock = SystemClock(), period: TimeInterval = 86_400,
                logger: Logger = Logger(label: "docwatch.prune")) {
        self.retention = retention
        self.configuration = configuration
        self.clock = clock
        self.period = period
        self.logger = logger
    }

    public func run() async {
        let wakeup = Wakeup()
        await withGracefulShutdownHandler {
            while !wakeup.isStopped {
                prune()
                await wakeup.wait(until: clock.now().addingTimeInterval(period), clock: clock)
            }
        } onGracefulShutdown: {
            wakeup.stop()
        }
    }

    private func prune() {
        let configuration = configuration.current
        do {
            let report = try retention.prune(configuration, now: clock.now(), dryRun: false)
            if !report.isEmpty {
                logger.info("pruned", metadata: PruneSummary.metadata(report))
            }
        } catch {
            logger.error("cannot prune", metadata: ["error": "\(error)"])
        }
    }
}

/// One prune's figures, as log metadata and as `docwatch prune` prints them.
public enum PruneSummary {
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
