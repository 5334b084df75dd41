import DocWatchCore
@testable import DocWatchDaemon
import DocWatchIngest
import DocWatchStore
import DocWatchTestSupport
import Foundation
import Testing

/// The scheduler's loop sleeps in `Wakeup.wait`: a poll that ends with a due time sooner than the one the
/// loop sleeps until wakes it, and the loop then sleeps until that sooner time and starts nothing before.
extension SchedulerServiceTests {
    @Test("a poll ending with a due time sooner than the loop's wakes it; the source is polled then, not before")
    func soonerDueWakesLoop() async throws {
        let database = try DocWatchDatabase.inMemory()
        let clock = ManualClock()
        let started = clock.now()
        let release = AwaitableCount()
        let poller = FakePoller { source in
            if source.id == "slow" { await release.reaches(1) }
            return PollReport(source: source.id, url: source.url, outcome: .unchanged)
        }
        var configuration = configuration(["slow", "b"])
        configuration.sources[0].interval = 10
        configuration.sources[1].interval = 60
        let running = try start(configuration, poller: poller, database: database, clock: clock)
        await poller.count.reaches(2)
        // b is done; slow is still in flight, so the loop sleeps until b is due.
        await clock.sleeper { $0 == started.addingTimeInterval(60) }
        release.increment()
        let slowDue = started.addingTimeInterval(10)
        await clock.sleeper { abs($0.timeIntervalSince(slowDue)) < 0.001 }
        clock.advance(to: slowDue.addingTimeInterval(-0.01))
        #expect(poller.count.value == 2, "nothing starts before its due time")
        clock.advance(to: slowDue)
        await poller.count.reaches(3)
        #expect(poller.ids.sorted() == ["b", "slow", "slow"])
        try await running.stop()
    }
}
