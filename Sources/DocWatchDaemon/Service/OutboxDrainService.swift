import DocWatchCore
import DocWatchNotify
import Foundation
import Logging
import ServiceLifecycle

/// Drains the outbox into the log directory whenever polls wrote events, so `changes-*.jsonl` grows
/// while the daemon runs. Drains once at start (events left by a crash) and once more at shutdown.
///
/// While writes fail it backs off (`DrainRetry`: 1 s doubling to 60 s), ignores pokes, and logs one
/// line when it starts failing and one when it recovers.
public final class OutboxDrainService: Service, Sendable {
    private let notifier: any OutboxDraining
    private let clock: any WallClock
    private let logger: Logger
    private let wakeup = Wakeup()
    private let retry: DrainRetry

    public init(notifier: any OutboxDraining, clock: any WallClock = SystemClock(), retry: DrainRetry = DrainRetry(),
                logger: Logger = Logger(label: "docwatch.notify")) {
        self.notifier = notifier
        self.clock = clock
        self.retry = retry
        self.logger = logger
    }

    /// Asks for a drain soon; many pokes before it runs make one drain. Ignored while backing off.
    public func poke() {
        wakeup.signal()
    }

    public func run() async {
        await withGracefulShutdownHandler {
            var retry = self.retry
            drain(&retry)
            while !wakeup.isStopped {
                if let delay = retry.delay {
                    await wakeup.waitIgnoringSignals(until: clock.now().addingTimeInterval(delay), clock: clock)
                } else {
                    await wakeup.wait(until: nil, clock: clock)
                }
                if wakeup.isStopped { break }
                drain(&retry)
            }
            drain(&retry)
        } onGracefulShutdown: { [wakeup] in
            wakeup.stop()
        }
    }

    /// Drains now and logs what `retry` says is worth a line.
    private func drain(_ retry: inout DrainRetry) {
        let report: DrainRetry.Report
        do {
            report = retry.succeeded(written: try notifier.drain())
        } catch {
            report = retry.failed("\(error)")
        }
        switch report {
        case .quiet:
            break
        case .startedFailing(let error):
            logger.error("cannot write change notifications; holding them back and retrying with back-off",
                         metadata: ["error": "\(error)", "max_delay": "\(Int(retry.maximumDelay))s"])
        case .recovered(let attempts, let written):
            logger.notice("change notifications written again", metadata: [
                "held_back": "\(written)", "failed_attempts": "\(attempts)"])
        }
    }
}
