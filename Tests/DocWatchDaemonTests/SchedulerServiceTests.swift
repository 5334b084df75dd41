import DocWatchCore
@testable import DocWatchDaemon
import DocWatchIngest
import DocWatchStore
import DocWatchTestSupport
import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import Testing

/// The scheduler service in process, with a fake poller, an in-memory store and a manual clock: due
/// times and the shutdown grace pass when a test moves the clock, so no test waits in real time.
@Suite("Scheduler service", .timeLimit(.minutes(2)))
struct SchedulerServiceTests {
    /// Polls by a closure and remembers which sources it was asked for.
    final class FakePoller: SourcePolling {
        private let polled = Mutex<[String]>([])
        /// How many polls have started.
        let count = AwaitableCount()
        private let answer: @Sendable (Source) async -> PollReport

        init(answer: @escaping @Sendable (Source) async -> PollReport = { PollReport(source: $0.id, url: $0.url, outcome: .unchanged) }) {
            self.answer = answer
        }

        var ids: [String] { polled.withLock { $0 } }

        func poll(_ source: Source) async -> PollReport {
            polled.withLock { $0.append(source.id) }
            count.increment()
            return await answer(source)
        }
    }

    /// A running scheduler in a service group on a manual clock.
    struct Running {
        let scheduler: PollScheduler
        let clock: ManualClock
        let group: ServiceGroup
        let task: Task<Void, any Error>

        /// Starts a graceful shutdown, runs `during` (which may move the clock), and waits for the group
        /// to end: by then every poll that finished has been recorded.
        func stop(during: () async -> Void = {}) async throws {
            await group.triggerGracefulShutdown()
            await during()
            try await task.value
        }
    }

    func configuration(_ ids: [String], interval: TimeInterval = 3600) -> Configuration {
        var configuration = Configuration(database: ":memory:", logDir: "/tmp",
                                          sources: ids.map { Source(id: $0, url: "http://127.0.0.1:9/\($0)") })
        configuration.schedule.interval = interval
        configuration.schedule.jitter = 0
        return configuration
    }

    func start(_ configuration: Configuration, poller: FakePoller, database: DocWatchDatabase, clock: ManualClock,
               grace: TimeInterval = 5) throws -> Running {
        try database.syncSources(configuration.sources)
        let plan = SchedulePlan(configuration: configuration, stored: try database.storedSchedules(), now: clock.now())
        let scheduler = PollScheduler(plan: plan, poller: poller, database: database, clock: clock, shutdownGrace: grace,
                                      systemd: SystemdNotifier(environment: [:]), logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let group = ServiceGroup(configuration: .init(services: [.init(service: scheduler)],
                                                      logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })))
        return Running(scheduler: scheduler, clock: clock, group: group, task: Task { try await group.run() })
    }

    @Test("polls every due source once and stores when each is due next")
    func pollsAndStoresNextDue() async throws {
        let database = try DocWatchDatabase.inMemory()
        let poller = FakePoller()
        let clock = ManualClock()
        let started = clock.now()
        let running = try start(configuration(["a", "b"]), poller: poller, database: database, clock: clock)
        await poller.count.reaches(2)
        #expect(Set(poller.ids) == ["a", "b"])
        try await running.stop()
        #expect(try database.storedSchedules().values.map(\.nextDue) == [started.addingTimeInterval(3600), started.addingTimeInterval(3600)])
        #expect(poller.ids.count == 2)
    }

    @Test("a source is polled again when the clock reaches its due time, and not a second before")
    func pollsAgainWhenDue() async throws {
        let database = try DocWatchDatabase.inMemory()
        let poller = FakePoller()
        let clock = ManualClock()
        let due = clock.now().addingTimeInterval(3600)
        let running = try start(configuration(["a"]), poller: poller, database: database, clock: clock)
        await poller.count.reaches(1)
        await clock.sleeper { $0 == due }
        clock.advance(by: 3599)
        await clock.sleeper { $0 == due }
        #expect(poller.ids == ["a"])
        clock.advance(by: 1)
        await poller.count.reaches(2)
        #expect(poller.ids == ["a", "a"])
        try await running.stop()
    }

    @Test("a restart resumes the stored schedule instead of polling at once")
    func restartResumes() async throws {
        let database = try DocWatchDatabase.inMemory()
        let first = FakePoller()
        let clock = ManualClock()
        let started = clock.now()
        let running = try start(configuration(["a"]), poller: first, database: database, clock: clock)
        await first.count.reaches(1)
        try await running.stop()
        clock.advance(by: 60)
        let plan = SchedulePlan(configuration: configuration(["a"]), stored: try database.storedSchedules(), now: clock.now())
        #expect(plan.due(of: "a") == started.addingTimeInterval(3600))
    }

    @Test("a reload adds a source that is polled at once")
    func reloadAddsSource() async throws {
        let database = try DocWatchDatabase.inMemory()
        let poller = FakePoller()
        let running = try start(configuration(["a"]), poller: poller, database: database, clock: ManualClock())
        await poller.count.reaches(1)
        let next = configuration(["a", "b"])
        try database.syncSources(next.sources)
        let summary = await running.scheduler.apply(next)
        #expect(summary.added == ["b"])
        await poller.count.reaches(2)
        #expect(poller.ids == ["a", "b"])
        try await running.stop()
    }

    @Test("a poll still running after the shutdown grace is cancelled and not counted as a failure")
    func shutdownCancelsStuckPoll() async throws {
        let database = try DocWatchDatabase.inMemory()
        let clock = ManualClock()
        let poller = FakePoller { source in
            try? await clock.sleep(for: 3600)
            return PollReport(source: source.id, url: source.url, outcome: .error, error: "cancelled")
        }
        let graceEnds = clock.now().addingTimeInterval(0.2)
        let running = try start(configuration(["slow"]), poller: poller, database: database, clock: clock, grace: 0.2)
        await poller.count.reaches(1)
        try await running.stop {
            await clock.sleeper { $0 == graceEnds }
            clock.advance(by: 0.2)
        }
        #expect(try database.storedSchedules()["slow"]?.failures == 0)
        #expect(clock.sleepers.isEmpty, "the cancelled poll no longer sleeps")
    }

    @Test("graceful shutdown lets an in-flight poll finish and records it")
    func shutdownFinishesPoll() async throws {
        let database = try DocWatchDatabase.inMemory()
        let clock = ManualClock()
        let poller = FakePoller { source in
            try? await clock.sleep(for: 0.3)
            return PollReport(source: source.id, url: source.url, outcome: .unchanged)
        }
        let graceEnds = clock.now().addingTimeInterval(5)
        let running = try start(configuration(["a"]), poller: poller, database: database, clock: clock)
        await poller.count.reaches(1)
        try await running.stop {
            // The scheduler waits out its grace; the poll ends within it.
            await clock.sleeper { $0 == graceEnds }
            clock.advance(by: 0.3)
        }
        let nextDue = try #require(try database.storedSchedules()["a"]?.nextDue)
        #expect(abs(nextDue.timeIntervalSince(clock.now().addingTimeInterval(3600))) < 0.001, "due an interval after the poll ended")
    }
}
