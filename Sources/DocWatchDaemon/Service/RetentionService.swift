import DocWatchCore
import DocWatchNotify
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
