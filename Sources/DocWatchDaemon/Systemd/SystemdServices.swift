import DocWatchCore
import Foundation
import Logging
import ServiceLifecycle

/// Tells systemd `READY=1` when the group starts (the config is loaded and the database open by then,
/// and the shutdown signals are trapped) and `STOPPING=1` as soon as graceful shutdown begins.
///
/// Put it last in the group so that it is the first to hear of the shutdown.
public struct ReadinessService: Service {
    private let systemd: SystemdNotifier
    private let status: @Sendable () async -> String
    private let logger: Logger

    public init(systemd: SystemdNotifier, logger: Logger, status: @escaping @Sendable () async -> String) {
        self.systemd = systemd
        self.status = status
        self.logger = logger
    }

    public func run() async {
        let line = await status()
        systemd.ready(status: line)
        logger.info("ready", metadata: ["status": "\(line)"])
        do {
            try await gracefulShutdown()
        } catch {
            return
        }
        systemd.stopping()
        logger.info("stopping: no new polls, finishing those in flight")
    }
}

/// Sends `WATCHDOG=1` (with the current `STATUS=`) every `interval`, half of `$WATCHDOG_USEC`.
///
/// Put it first in the group so that it keeps the watchdog fed until everything else has stopped.
public struct WatchdogService: Service {
    private let systemd: SystemdNotifier
    private let interval: Duration
    private let clock: any WallClock
    private let status: @Sendable () async -> String

    public init(systemd: SystemdNotifier, interval: Duration, clock: any WallClock = SystemClock(),
                status: @escaping @Sendable () async -> String) {
        self.systemd = systemd
        self.interval = interval
        self.clock = clock
        self.status = status
    }

    public func run() async {
        let wakeup = Wakeup()
        let seconds = Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
        await withGracefulShutdownHandler {
            while !wakeup.isStopped {
                systemd.watchdog(status: await status())
                await wakeup.wait(until: clock.now().addingTimeInterval(seconds), clock: clock)
            }
        } onGracefulShutdown: {
            wakeup.stop()
        }
    }
}
