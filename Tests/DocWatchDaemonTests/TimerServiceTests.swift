import DocWatchCore
@testable import DocWatchDaemon
import DocWatchStore
import DocWatchTestSupport
import Foundation
import Logging
import ServiceLifecycle
import Testing

/// The daemon's other timer loops (watchdog, daily prune) on a manual clock: each fires when the clock
/// says so, in no real time.
@Suite("Timer services on the injected clock")
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
}
