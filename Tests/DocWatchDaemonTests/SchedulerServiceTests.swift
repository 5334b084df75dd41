import DocWatchCore
@testable import DocWatchDaemon
import DocWatchIngest
import DocWatchStore
import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import Testing

/// The scheduler service in process, with a fake poller and an in-memory store.
@Suite("Scheduler service")
struct SchedulerServiceTests {
    /// Polls by a closure and remembers which sources it was asked for.
    final class FakePoller: SourcePolling {
        private let polled = Mutex<[String]>([])
        private let answer: @Sendable (Source) async -> PollReport

        init(answer: @escaping @Sendable (Source) async -> PollReport = { PollReport(source: $0.id, url: $0.url, outcome: .unchanged) }) {
            self.answer = answer
        }

        var ids: [String] { polled.withLock { $0 } }

        func poll(_ source: Source) async -> PollReport {
            polled.withLock { $0.append(source.id) }
            return await answer(source)
        }
    }

    /// A running scheduler in a service group, stopped gracefully by `stop()`.
    struct Running {
        let scheduler: PollScheduler
        let group: ServiceGroup
        let task: Task<Void, any Error>

        func stop() async -> Bool {
            await group.triggerGracefulShutdown()
            let task = self.task
            let finished = Mutex(false)
            Task { _ = try? await task.value; finished.withLock { $0 = true } }
            return await eventually(timeout: .seconds(30)) { finished.withLock { $0 } }
        }
    }

    func configuration(_ ids: [String], interval: TimeInterval = 3600) -> Configuration {
        var configuration = Configuration(database: ":memory:", logDir: "/tmp",
                                          sources: ids.map { Source(id: $0, url: "http://127.0.0.1:9/\($0)") })
        configuration.schedule.interval = interval
        configuration.schedule.jitter = 0
        return configuration
    }

    func start(_ configuration: Configuration, poller: FakePoller, database: DocWatchDatabase, grace: TimeInterval = 5) throws -> Running {
        try database.syncSources(configuration.sources)
        let plan = SchedulePlan(configuration: configuration, stored: try database.storedSchedules(), now: Date())
        let scheduler = PollScheduler(plan: plan, poller: poller, database: database, shutdownGrace: grace,
                                      systemd: SystemdNotifier(environment: [:]), logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let group = ServiceGroup(configuration: .init(services: [.init(service: scheduler)],
                                                      logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })))
        return Running(scheduler: scheduler, group: group, task: Task { try await group.run() })
    }

    @Test("polls every due source once and stores when each is due next")
    func pollsAndStoresNextDue() async throws {
        let database = try DocWatchDatabase.inMemory()
        let poller = FakePoller()
        let started = Date()
        let running = try start(configuration(["a", "b"]), poller: poller, database: database)
        #expect(await eventually { Set(poller.ids) == ["a", "b"] })
        #expect(await eventually { (try? database.storedSchedules().values.allSatisfy { ($0.nextDue ?? .distantPast) > started.addingTimeInterval(3500) }) == true })
        #expect(await running.stop())
        #expect(poller.ids.count == 2)
    }

    @Test("a restart resumes the stored schedule instead of polling at once")
    func restartResumes() async throws {
        let database = try DocWatchDatabase.inMemory()
        let first = FakePoller()
        let running = try start(configuration(["a"]), poller: first, database: database)
        #expect(await eventually { (try? database.storedSchedules()["a"]?.nextDue) != nil })
        #expect(await running.stop())
        let plan = SchedulePlan(configuration: configuration(["a"]), stored: try database.storedSchedules(), now: Date())
        #expect((plan.due(of: "a") ?? .distantPast) > Date().addingTimeInterval(3500))
    }

    @Test("a reload adds a source that is polled at once")
    func reloadAddsSource() async throws {
        let database = try DocWatchDatabase.inMemory()
        let poller = FakePoller()
        let running = try start(configuration(["a"]), poller: poller, database: database)
        #expect(await eventually { poller.ids == ["a"] })
        let next = configuration(["a", "b"])
        try database.syncSources(next.sources)
        let summary = await running.scheduler.apply(next)
        #expect(summary.added == ["b"])
        #expect(await eventually { poller.ids == ["a", "b"] })
        #expect(await running.stop())
    }

    @Test("a poll still running after the shutdown grace is cancelled and not counted as a failure")
    func shutdownCancelsStuckPoll() async throws {
        let database = try DocWatchDatabase.inMemory()
        let poller = FakePoller { source in
            try? await Task.sleep(for: .seconds(60))
            return PollReport(source: source.id, url: source.url, outcome: .error, error: "cancelled")
        }
        let running = try start(configuration(["slow"]), poller: poller, database: database, grace: 0.2)
        #expect(await eventually { poller.ids == ["slow"] })
        #expect(await running.stop())
        #expect(try database.storedSchedules()["slow"]?.failures == 0)
    }

    @Test("graceful shutdown lets an in-flight poll finish and records it")
    func shutdownFinishesPoll() async throws {
        let database = try DocWatchDatabase.inMemory()
        let poller = FakePoller { source in
            try? await Task.sleep(for: .milliseconds(300))
            return PollReport(source: source.id, url: source.url, outcome: .unchanged)
        }
        let running = try start(configuration(["a"]), poller: poller, database: database)
        #expect(await eventually { poller.ids == ["a"] })
        #expect(await running.stop())
        #expect(try database.storedSchedules()["a"]?.nextDue != nil)
    }
}
