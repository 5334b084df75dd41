import DocWatchCore
import DocWatchNotify
import Foundation
import Logging
import ServiceLifecycle

/// Drains the outbox into the log directory whenever polls wrote events, so `changes-*.jsonl` grows
/// while the daemon runs. Drains once at start (events left by a crash) and once more at shutdown.
public final class OutboxDrainService: Service, Sendable {
    private let notifier: Notifier
    private let clock: any WallClock
    private let logger: Logger
    private let wakeup = Wakeup()
    /// How long to wait before trying again after a failed drain (disk full, directory gone …).
    private let retryDelay: TimeInterval

    public init(notifier: Notifier, clock: any WallClock = SystemClock(), retryDelay: TimeInterval = 30,
                logger: Logger = Logger(label: "docwatch.notify")) {
        self.notifier = notifier
        self.clock = clock
        self.retryDelay = retryDelay
        self.logger = logger
    }

    /// Asks for a drain soon; many pokes before it runs make one drain.
    public func poke() {
        wakeup.signal()
    }

    public func run() async {
        await withGracefulShutdownHandler {
            var failed = !drain()
            while !wakeup.isStopped {
                await wakeup.wait(until: failed ? clock.now().addingTimeInterval(retryDelay) : nil, clock: clock)
                failed = !drain()
            }
            _ = drain()
        } onGracefulShutdown: { [wakeup] in
            wakeup.stop()
        }
    }

    /// Drains now; returns whether it worked.
    private func drain() -> Bool {
        do {
            try notifier.drain()
            return true
        } catch {
            logger.error("cannot write change notifications, will retry", metadata: ["error": "\(error)"])
            return false
        }
    }
}
