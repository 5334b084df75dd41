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

/// The scheduler as one of several daemons: it polls only what the store leased to it and puts the
/// rest back at the time the store gave, on a manual clock with a scripted claimer.
@Suite("Scheduler in a cluster", .timeLimit(.minutes(2)))
struct ClusterSchedulerTests {
    /// Leases the sources a script allows at each instant; defers the others to the script's time.
    final class ScriptedClaims: SourceClaiming {
        private let state = Mutex<(asked: [[String]], heldUntil: [String: Date], released: [[String]])>(([], [:], []))

        /// Sources held by another node until the given instant.
        init(heldUntil: [String: Date]) { state.withLock { $0.heldUntil = heldUntil } }

        var asked: [[String]] { state.withLock { $0.asked } }
        var released: [[String]] { state.withLock { $0.released } }

        func releaseSources(_ ids: [String], node: String) throws(StoreError) {
            state.withLock { $0.released.append(ids) }
        }

        func claimSources(_ ids: [String], node: String, now: Date, lease: TimeInterval) throws(StoreError) -> SourceClaims {
            state.withLock { state in
                state.asked.append(ids.sorted())
                var claims = SourceClaims(claimed: [])
                for id in ids {
                    if let until = state.heldUntil[id], until > now { claims.deferred[id] = until } else { claims.claimed.append(id) }
                }
                return claims
            }
        }
    }

    /// Fails every claim, as when the database is down.
    struct FailingClaims: SourceClaiming {
        func claimSources(_ ids: [String], node: String, now: Date, lease: TimeInterval) throws(StoreError) -> SourceClaims {
            throw StoreError(operation: "claim sources", message: "connection refused")
        }

        func releaseSources(_ ids: [String], node: String) throws(StoreError) {
            throw StoreError(operation: "release sources", message: "connection refused")
        }
    }

    final class RecordingPoller: SourcePolling {
        private let polled = Mutex<[String]>([])
        let count = AwaitableCount()
        /// Runs before each poll answers (a slow poll sleeps on the test's clock here).
        private let before: @Sendable () async -> Void
        var ids: [String] { polled.withLock { $0 } }

        init(before: @escaping @Sendable () async -> Void = {}) { self.before = before }

        func poll(_ source: Source) async -> PollReport {
            polled.withLock { $0.append(source.id) }
            count.increment()
            await before()
            return PollReport(source: source.id, url: source.url, outcome: .unchanged)
        }
    }

    func configuration(_ ids: [String]) -> Configuration {
        var configuration = Configuration(database: ":memory:", logDir: "/tmp",
                                          sources: ids.map { Source(id: $0, url: "http://127.0.0.1:9/\($0)") })
        configuration.schedule.interval = 3600
        configuration.schedule.jitter = 0
        return configuration
    }

    func run(_ ids: [String], claims: any SourceClaiming, poller: RecordingPoller, clock: ManualClock,
             database: DocWatchDatabase) throws -> (PollScheduler, ServiceGroup, Task<Void, any Error>) {
        let configuration = configuration(ids)
        try database.syncSources(configuration.sources)
        let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let scheduler = PollScheduler(
            plan: SchedulePlan(configuration: configuration, stored: [:], now: clock.now()), poller: poller, database: database,
            clock: clock, systemd: SystemdNotifier(environment: [:]), logger: quiet,
            cluster: ClusterMembership(node: "a", lease: 600, claims: claims))
        let group = ServiceGroup(configuration: .init(services: [.init(service: scheduler)], logger: quiet))
        return (scheduler, group, Task { try await group.run() })
    }

    @Test("only claimed sources are polled; one held elsewhere is polled when its deferral ends, not as a failure")
    func deferredSourceIsPolledLater() async throws {
        let clock = ManualClock()
        let database = try DocWatchDatabase.inMemory()
        let heldUntil = clock.now().addingTimeInterval(300)
        let claims = ScriptedClaims(heldUntil: ["b": heldUntil])
        let poller = RecordingPoller()
        let (scheduler, group, task) = try run(["a", "b"], claims: claims, poller: poller, clock: clock, database: database)
        await poller.count.reaches(1)
        await clock.sleeper { $0 == heldUntil }
        #expect(poller.ids == ["a"])
        #expect(claims.asked == [["a", "b"]])
        #expect(await scheduler.failingCount == 0)
        clock.advance(to: heldUntil)
        await poller.count.reaches(2)
        #expect(poller.ids == ["a", "b"])
        #expect(claims.asked == [["a", "b"], ["b"]])
        await group.triggerGracefulShutdown()
        try await task.value
        // b's next poll is an interval after the poll it made, not after its first due time.
        #expect(try database.storedSchedules()["b"]?.nextDue == heldUntil.addingTimeInterval(3600))
    }

    @Test("a poll cancelled at shutdown gives its lease back at once; a finished one leaves it to the poll's record")
    func cancelledPollReleasesItsLease() async throws {
        let clock = ManualClock()
        let start = clock.now()
        let database = try DocWatchDatabase.inMemory()
        let claims = ScriptedClaims(heldUntil: [:])
        let poller = RecordingPoller { try? await clock.sleep(until: start.addingTimeInterval(10_000)) }
        let (_, group, task) = try run(["a"], claims: claims, poller: poller, clock: clock, database: database)
        await poller.count.reaches(1)
        #expect(claims.released.isEmpty)
        await group.triggerGracefulShutdown()
        // The shutdown grace (10 s) passes with the poll still running: it is cancelled.
        await clock.sleeper { $0 == start.addingTimeInterval(10) }
        clock.advance(to: start.addingTimeInterval(10))
        try await task.value
        #expect(claims.released == [["a"]])
    }

    @Test("a slow poll's lease is renewed every third of the lease while it runs, and not after")
    func slowPollKeepsItsLease() async throws {
        let clock = ManualClock()
        let start = clock.now()
        @Sendable func at(_ seconds: TimeInterval) -> Date { start.addingTimeInterval(seconds) }
        let database = try DocWatchDatabase.inMemory()
        let claims = ScriptedClaims(heldUntil: [:])
        let poller = RecordingPoller { try? await clock.sleep(until: at(500)) }
        let (_, group, task) = try run(["a"], claims: claims, poller: poller, clock: clock, database: database)
        await poller.count.reaches(1)
        await clock.sleeper { $0 == at(200) }
        #expect(claims.asked == [["a"]])
        clock.advance(to: at(200))
        await clock.sleeper { $0 == at(400) }
        #expect(claims.asked == [["a"], ["a"]], "renewed at a third of the 600 s lease")
        clock.advance(to: at(400))
        await clock.sleeper { $0 == at(600) }
        #expect(claims.asked.count == 3)
        clock.advance(to: at(500))
        #expect(await eventually { (try? database.storedSchedules()["a"]?.nextDue) == at(4100) })
        await clock.sleeper { $0 == at(4100) }
        clock.advance(to: at(600))
        #expect(claims.asked.count == 3, "nothing in flight, nothing renewed")
        await group.triggerGracefulShutdown()
        try await task.value
    }

    @Test("when claiming fails nothing is polled and the sources are asked for again shortly")
    func failedClaimRetriesShortly() async throws {
        let clock = ManualClock()
        let database = try DocWatchDatabase.inMemory()
        let poller = RecordingPoller()
        let (scheduler, group, task) = try run(["a"], claims: FailingClaims(), poller: poller, clock: clock, database: database)
        let retry = clock.now().addingTimeInterval(ClusterMembership.failedClaimRetry)
        await clock.sleeper { $0 == retry }
        #expect(poller.ids.isEmpty)
        #expect(await scheduler.failingCount == 0)
        await group.triggerGracefulShutdown()
        try await task.value
    }
}
