import DocWatchCore
import DocWatchStore
import Foundation
import Logging
import ServiceLifecycle

/// Deletes fetch-log rows older than `keep_fetch_log`, at start and then every `period`.
public struct FetchLogPruner: Service {
    private let database: DocWatchDatabase
    /// The retention in force (it follows reloads).
    private let keep: @Sendable () async -> TimeInterval
    private let clock: any WallClock
    private let period: TimeInterval
    private let logger: Logger

    public init(database: DocWatchDatabase, keep: @escaping @Sendable () async -> TimeInterval,
                clock: any WallClock = SystemClock(), period: TimeInterval = 3600,
                logger: Logger = Logger(label: "docwatch.prune")) {
        self.database = database
        self.keep = keep
        self.clock = clock
        self.period = period
        self.logger = logger
    }

    public func run() async {
        let wakeup = Wakeup()
        await withGracefulShutdownHandler {
            while !wakeup.isStopped {
                await prune()
                await wakeup.wait(until: clock.now().addingTimeInterval(period), clock: clock)
            }
        } onGracefulShutdown: {
            wakeup.stop()
        }
    }

    private func prune() async {
        let cutoff = clock.now().addingTimeInterval(-(await keep()))
        do {
            let removed = try database.pruneFetchLog(before: cutoff)
            if removed > 0 { logger.info("pruned the fetch log", metadata: ["rows": "\(removed)", "before": "\(Timestamp.utc(cutoff))"]) }
        } catch {
            logger.error("cannot prune the fetch log", metadata: ["error": "\(error)"])
        }
    }
}
