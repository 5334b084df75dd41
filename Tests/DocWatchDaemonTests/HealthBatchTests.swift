import DocWatchCore
@testable import DocWatchDaemon
import DocWatchStore
import DocWatchTestSupport
import Foundation
import Testing

/// The health writes of finished polls, gathered so that polls finishing close together share one
/// transaction: when the batch is written, and that the scheduler holds none back past its window.
@Suite("Health batch", .timeLimit(.minutes(2)))
struct HealthBatchTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func poll(_ id: String) -> SourcePoll {
        SourcePoll(source: id, time: start, outcome: .notModified, error: nil, nextDue: start.addingTimeInterval(600))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// How many polls are gathered at `start` (window 1 s, limit 3).
        var gathered: Int
        /// Seconds after `start` it is asked.
        var now: TimeInterval
        /// Seconds after `start` the loop would sleep until; nil: until a signal.
        var sleepingUntil: TimeInterval?
        var due: Bool
        var testDescription: String { name }
    }

    @Test("is written when full, when its window has passed, or before a sleep that outlasts it", arguments: [
        Case(name: "empty: nothing to write", gathered: 0, now: 5, sleepingUntil: nil, due: false),
        Case(name: "a short sleep within the window keeps it", gathered: 1, now: 0, sleepingUntil: 0.5, due: false),
        Case(name: "a sleep ending at the deadline keeps it", gathered: 1, now: 0, sleepingUntil: 1, due: false),
        Case(name: "a sleep past the deadline writes it first", gathered: 1, now: 0, sleepingUntil: 1.5, due: true),
        Case(name: "a sleep until a signal writes it first", gathered: 1, now: 0, sleepingUntil: nil, due: true),
        Case(name: "the window has passed", gathered: 2, now: 1, sleepingUntil: 1.2, due: true),
        Case(name: "full", gathered: 3, now: 0, sleepingUntil: 0.1, due: true),
    ])
    func due(_ test: Case) {
        var batch = HealthBatch(window: 1, limit: 3)
        for index in 0..<test.gathered { batch.add(Self.poll("s\(index)"), now: Self.start) }
        let wake = test.sleepingUntil.map { Self.start.addingTimeInterval($0) }
        #expect(batch.isDue(now: Self.start.addingTimeInterval(test.now), sleepingUntil: wake) == test.due)
    }

    @Test("hands out the polls in the order they finished and is empty after, its deadline the first poll's")
    func takeEmpties() {
        var batch = HealthBatch(window: 1, limit: 10)
        batch.add(Self.poll("a"), now: Self.start)
        batch.add(Self.poll("b"), now: Self.start.addingTimeInterval(0.5))
        #expect(batch.deadline == Self.start.addingTimeInterval(1))
        #expect(batch.take().map(\.source) == ["a", "b"])
        #expect(batch.count == 0 && batch.deadline == nil)
        #expect(!batch.isDue(now: Self.start.addingTimeInterval(10), sleepingUntil: nil))
    }

    @Test("the scheduler holds back the health of polls while it sleeps within the window, and writes it at shutdown")
    func heldWhileSleepingShortly() async throws {
        let database = try DocWatchDatabase.inMemory()
        let poller = SchedulerServiceTests.FakePoller()
        let clock = ManualClock()
        let due = clock.now().addingTimeInterval(0.5)
        let suite = SchedulerServiceTests()
        let running = try suite.start(suite.configuration(["a", "b"], interval: 0.5), poller: poller, database: database, clock: clock)
        await poller.count.reaches(2)
        await clock.sleeper { $0 == due }
        #expect(try database.storedSchedules().values.allSatisfy { $0.nextDue == nil }, "nothing written while the loop sleeps 0.5 s")
        try await running.stop()
        #expect(try database.storedSchedules().mapValues(\.nextDue) == ["a": due, "b": due])
    }

    @Test("the scheduler writes a poll's health before it sleeps past the window")
    func writtenBeforeLongSleep() async throws {
        let database = try DocWatchDatabase.inMemory()
        let poller = SchedulerServiceTests.FakePoller()
        let clock = ManualClock()
        let due = clock.now().addingTimeInterval(3600)
        let suite = SchedulerServiceTests()
        let running = try suite.start(suite.configuration(["a"]), poller: poller, database: database, clock: clock)
        await poller.count.reaches(1)
        await clock.sleeper { $0 == due }
        #expect(try database.storedSchedules()["a"]?.nextDue == due)
        try await running.stop()
    }
}
