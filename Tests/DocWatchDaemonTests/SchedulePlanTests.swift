import DocWatchCore
@testable import DocWatchDaemon
import DocWatchIngest
import Foundation
import Testing

@Suite("Schedule plan")
struct SchedulePlanTests {
    let origin = Date(timeIntervalSince1970: 1_000_000)

    func at(_ seconds: TimeInterval) -> Date { origin.addingTimeInterval(seconds) }

    func configuration(_ ids: [String], interval: TimeInterval = 10, jitter: Double = 0, maxBackoff: TimeInterval = 80,
                       concurrency: Int = 16) -> Configuration {
        var configuration = Configuration(database: ":memory:", logDir: "/tmp",
                                          sources: ids.map { Source(id: $0, url: "http://127.0.0.1/\($0)") })
        configuration.schedule.interval = interval
        configuration.schedule.jitter = jitter
        configuration.schedule.maxBackoff = maxBackoff
        configuration.http.concurrency = concurrency
        return configuration
    }

    func report(_ id: String, _ outcome: FetchOutcome, retryAfter: TimeInterval? = nil) -> PollReport {
        PollReport(source: id, url: "http://127.0.0.1/\(id)", outcome: outcome, retryAfter: retryAfter)
    }

    /// Runs the plan on virtual time: each step jumps to the next due time and finishes the polls at once.
    func simulate(_ plan: inout SchedulePlan, until end: TimeInterval, outcome: (String, Int) -> PollReport) -> [String: [TimeInterval]] {
        var polls: [String: [TimeInterval]] = [:]
        while let due = plan.nextDue(), due <= at(end) {
            for source in plan.takeDue(now: due, limit: .max) {
                let count = polls[source.id, default: []].count
                polls[source.id, default: []].append(due.timeIntervalSince(origin))
                _ = plan.finish(source.id, report: outcome(source.id, count), now: due)
            }
        }
        return polls
    }

    @Test("a healthy source polls every interval")
    func healthyPolls() {
        var plan = SchedulePlan(configuration: configuration(["a"]), stored: [:], now: origin, draw: { 0 })
        let polls = simulate(&plan, until: 40) { id, _ in report(id, .unchanged) }
        #expect(polls["a"] == [0, 10, 20, 30, 40])
    }

    @Test("a failing source backs off exponentially up to max_backoff, then recovers to its interval")
    func backoffThenRecovery() {
        var plan = SchedulePlan(configuration: configuration(["a"]), stored: [:], now: origin, draw: { 0.5 })
        let polls = simulate(&plan, until: 400) { id, count in report(id, count < 5 ? .error : .notModified) }
        // Failures 1…5 wait 20, 40, 80 (max), 80, 80; then healthy polls every 10.
        #expect(polls["a"]?.prefix(8).map { $0 } == [0, 20, 60, 140, 220, 300, 310, 320])
    }

    @Test("Retry-After keeps a source away at least that long")
    func retryAfterHonoured() {
        var plan = SchedulePlan(configuration: configuration(["a"], interval: 1, maxBackoff: 60), stored: [:], now: origin,
                                draw: { 0.5 })
        let polls = simulate(&plan, until: 20) { id, count in count == 0 ? report(id, .error, retryAfter: 6) : report(id, .unchanged) }
        #expect(polls["a"]?.prefix(3).map { $0 } == [0, 6, 7])
    }

    @Test("jitter spreads sources with the same interval apart")
    func jitterSpreads() {
        let box = DrawBox([0.0, 1.0, 0.0, 1.0])
        var plan = SchedulePlan(configuration: configuration(["a", "b"], interval: 100, jitter: 0.1), stored: [:], now: origin,
                                draw: { box.next() })
        // First polls spread over the jitter window (10 s): a at 0, b at 10.
        #expect(plan.due(of: "a") == at(0))
        #expect(plan.due(of: "b") == at(10))
        let taken = plan.takeDue(now: at(10), limit: 10).map(\.id)
        #expect(taken == ["a", "b"])
        // Same interval, different draws: 90 s and 110 s after the poll.
        #expect(plan.finish("a", report: report("a", .unchanged), now: at(10))?.nextDue == at(100))
        #expect(plan.finish("b", report: report("b", .unchanged), now: at(10))?.nextDue == at(120))
    }

    @Test("no more than the limit start at once, and an in-flight source is not taken twice")
    func concurrencyLimit() {
        var plan = SchedulePlan(configuration: configuration(["a", "b", "c"]), stored: [:], now: origin, draw: { 0 })
        #expect(plan.takeDue(now: origin, limit: 2).map(\.id) == ["a", "b"])
        #expect(plan.inFlight == ["a", "b"])
        #expect(plan.takeDue(now: origin, limit: 2).map(\.id) == ["c"])
        #expect(plan.takeDue(now: at(100), limit: 5).isEmpty)
        _ = plan.finish("a", report: report("a", .unchanged), now: at(1))
        #expect(plan.inFlight == ["b", "c"])
    }

    @Test("a restart resumes stored due times and failures instead of polling everything at once")
    func restartResumes() {
        let stored = [
            "a": SourceSchedule(nextDue: at(300), failures: 0),
            "b": SourceSchedule(nextDue: at(-50), failures: 2),
        ]
        var plan = SchedulePlan(configuration: configuration(["a", "b", "c"], jitter: 0.5), stored: stored, now: origin,
                                draw: { 1 })
        #expect(plan.due(of: "a") == at(300))
        #expect(plan.due(of: "b") == at(5))
        #expect(plan.due(of: "c") == at(5))
        #expect(plan.failingCount == 1)
        _ = plan.takeDue(now: at(5), limit: 10)
        // b failed twice before the restart: a third failure waits 2³ × 10 s (+50 % jitter), capped at 80 s.
        #expect(plan.finish("b", report: report("b", .error), now: at(5))?.failures == 3)
    }

    @Test("a reload adds, removes and changes sources")
    func reloadSummary() {
        var plan = SchedulePlan(configuration: configuration(["a", "b", "c"]), stored: [:], now: origin, draw: { 0 })
        var next = configuration(["b", "c", "d"])
        next.sources[1].url = "http://127.0.0.1/moved"
        let summary = plan.apply(next, now: at(3))
        #expect(summary == ReloadSummary(added: ["d"], removed: ["a"], changed: ["c"]))
        #expect(plan.sourceCount == 3)
        #expect(plan.due(of: "a") == nil)
        #expect(plan.due(of: "d") == at(3))
    }

    @Test("a source removed while polling is not rescheduled")
    func removedWhileInFlight() {
        var plan = SchedulePlan(configuration: configuration(["a", "b"]), stored: [:], now: origin, draw: { 0 })
        _ = plan.takeDue(now: origin, limit: 10)
        _ = plan.apply(configuration(["b"]), now: at(1))
        #expect(plan.finish("a", report: report("a", .unchanged), now: at(2)) == nil)
        #expect(plan.due(of: "a") == nil)
        #expect(plan.inFlight == ["b"])
    }

    @Test("a source moved to a new URL while polling is due soon after, not a whole interval later")
    func movedWhileInFlight() {
        var plan = SchedulePlan(configuration: configuration(["a"]), stored: [:], now: origin, draw: { 0 })
        _ = plan.takeDue(now: origin, limit: 10)
        var next = configuration(["a"])
        next.sources[0].url = "http://127.0.0.1/elsewhere"
        #expect(plan.apply(next, now: at(1)).changed == ["a"])
        #expect(plan.finish("a", report: report("a", .unchanged), now: at(2))?.nextDue == at(2))
    }

    @Test("a poll cancelled at shutdown is not counted and stays due")
    func abandonedPoll() {
        var plan = SchedulePlan(configuration: configuration(["a"]), stored: [:], now: origin, draw: { 0 })
        _ = plan.takeDue(now: origin, limit: 10)
        plan.abandon("a", now: at(1))
        #expect(plan.inFlight.isEmpty)
        #expect(plan.failingCount == 0)
        #expect(plan.due(of: "a") == at(1))
    }

    @Test("a source deferred to another daemon is due at the given time and keeps its failure count")
    func deferredSource() {
        var plan = SchedulePlan(configuration: configuration(["a", "b"]), stored: [:], now: origin, draw: { 0 })
        _ = plan.takeDue(now: origin, limit: 10)
        _ = plan.finish("b", report: report("b", .error), now: origin)
        do {
            let taken = plan.takeDue(now: at(20), limit: 10).map(\.id).sorted()
            #expect(taken == ["b"])
        }
        plan.defer("a", until: at(600))
        plan.defer("b", until: at(700))
        #expect(plan.inFlight.isEmpty)
        #expect(plan.due(of: "a") == at(600))
        #expect(plan.due(of: "b") == at(700))
        #expect(plan.failingCount == 1)
        // The failure count is the one before the deferral: b's next failure is its second.
        _ = plan.takeDue(now: at(700), limit: 10)
        #expect(plan.finish("b", report: report("b", .error), now: at(700))?.failures == 2)
    }
}

/// Fixed jitter draws, in order, then 0.5.
final class DrawBox: @unchecked Sendable {
    private var values: [Double]
    private let lock = NSLock()

    init(_ values: [Double]) { self.values = values }

    func next() -> Double {
        lock.withLock { values.isEmpty ? 0.5 : values.removeFirst() }
    }
}
