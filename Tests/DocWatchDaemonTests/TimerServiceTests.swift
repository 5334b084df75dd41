import DocWatchCore
@testable import DocWatchDaemon
import DocWatchNotify
import DocWatchStore
import DocWatchTestSupport
import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import Testing

/// The daemon's other timer loops (watchdog, daily prune, push back-off) on a manual clock: each fires when the clock
/// says so, in no real time.
@Suite("Timer services on the injected clock", .timeLimit(.minutes(2)))
struct TimerServiceTests {
    /// Runs `service` in a service group until `body` returns, then shuts it down gracefully.
    func running(_ service: some Service, _ body: () async throws -> Void) async throws {
        let group = ServiceGroup(configuration: .init(services: [.init(service: service)],
                                                      logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })))
        let task = Task { try await group.run() }
        try await body()
        await group.triggerGracefulShutdown()
        try await task.value
    }

    @Test("the watchdog sends WATCHDOG=1 at start and once more each interval by the clock")
    func watchdogFollowsTheClock() async throws {
        let listener = try NotifyListener(path: "@docwatch-test-\(UUID().uuidString)")
        let clock = ManualClock()
        let start = clock.now()
        let watchdog = WatchdogService(systemd: SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.path]),
                                       interval: .seconds(30), clock: clock, status: { "2 sources" })
        let pings = { listener.messages.filter { $0.hasPrefix("WATCHDOG=1") }.count }
        try await running(watchdog) {
            await clock.sleeper { $0 == start.addingTimeInterval(30) }
            #expect(pings() == 1)
            clock.advance(by: 29)
            #expect(pings() == 1)
            clock.advance(by: 1)
            await clock.sleeper { $0 == start.addingTimeInterval(60) }
            #expect(pings() == 2)
            #expect(listener.messages.last == "WATCHDOG=1\nSTATUS=2 sources")
        }
    }

    @Test("the daily prune runs at start and a period later, with the configuration in force by then")
    func pruneFollowsTheClockAndTheLiveConfiguration() async throws {
        let logDir = FileManager.default.temporaryDirectory.appendingPathComponent("dw-prune-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: logDir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: logDir) }
        let clock = ManualClock()
        let today = String(Timestamp.utc(clock.now()).prefix(10))
        let old = logDir + "/changes-2020-01-01.jsonl", newest = logDir + "/changes-\(today).jsonl"
        for path in [old, newest] { try "{}\n".write(toFile: path, atomically: true, encoding: .utf8) }
        let live = LiveConfiguration(Configuration(database: ":memory:", logDir: logDir, sources: []))
        let service = RetentionService(retention: Retention(database: try DocWatchDatabase.inMemory(), logDir: logDir),
                                       configuration: live, clock: clock, period: 86_400,
                                       logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let start = clock.now()
        try await running(service) {
            // The start prune ran with changes kept for ever.
            await clock.sleeper { $0 == start.addingTimeInterval(86_400) }
            #expect(FileManager.default.fileExists(atPath: old))
            var reloaded = live.current
            reloaded.retention.keepChanges = 7 * 86_400
            live.replace(with: reloaded)
            clock.advance(by: 86_400)
            await clock.sleeper { $0 == start.addingTimeInterval(2 * 86_400) }
            #expect(!FileManager.default.fileExists(atPath: old))
            #expect(FileManager.default.fileExists(atPath: newest))
        }
    }

    /// Fails its first `failures` sends, then delivers; counts the attempts.
    final class FlakySender: PushSending {
        private let attempts = Mutex(0)
        private let failures: Int

        init(failures: Int) {
            self.failures = failures
        }

        var count: Int { attempts.withLock { $0 } }

        func send(_ event: ChangeEvent, to target: NotifyTarget) async -> PushResult {
            attempts.withLock { $0 += 1; return $0 } <= failures ? .failed("HTTP 503") : .delivered
        }
    }

    @Test("a failing push target is tried again when its back-off has passed on the clock; pokes meanwhile send nothing")
    func pushRetriesOnTheClock() async throws {
        let database = try DocWatchDatabase.inMemory()
        let clock = ManualClock()
        let start = clock.now()
        var configuration = Configuration(database: ":memory:", logDir: "/tmp", sources: [Source(id: "a", url: "http://127.0.0.1:9/a")])
        var target = NotifyTarget(id: "hook", delivery: .webhook(url: "http://127.0.0.1:9/", headers: [:]))
        target.backoff = 10
        target.maxBackoff = 60
        configuration.notify = [target]
        try database.syncSources(configuration.sources)
        let sender = FlakySender(failures: 1)
        let push = PushService(configuration: LiveConfiguration(configuration), database: database, sender: sender, clock: clock,
                               idleRecheck: 15, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        try await running(push) {
            await clock.sleeper { $0 == start.addingTimeInterval(15) }
            try database.recordSourcePoll(source: "a", time: clock.now(), outcome: .error, error: "HTTP 500", nextDue: nil)
            push.poke()
            await clock.sleeper { $0 <= start.addingTimeInterval(10) }
            #expect(sender.count == 1)
            push.poke()
            await clock.sleeper { $0 <= start.addingTimeInterval(10) }
            #expect(sender.count == 1, "a poke does not cut the back-off short")
            clock.advance(by: 10)
            await clock.sleeper { $0 == start.addingTimeInterval(25) }
            #expect(sender.count == 2, "delivered on the retry, then idle until the next recheck")
        }
    }
}
