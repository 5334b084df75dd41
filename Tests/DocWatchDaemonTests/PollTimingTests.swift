import DocWatchCore
@testable import DocWatchDaemon
import Foundation
import Testing

@Suite("Poll timing")
struct PollTimingTests {
    static let timing: PollTiming = {
        var settings = ScheduleSettings()
        settings.interval = 600
        settings.jitter = 0.1
        settings.maxBackoff = 3600
        return PollTiming(settings: settings)
    }()

    struct DelayCase: CustomTestStringConvertible, Sendable {
        var name: String
        var failures: Int
        var retryAfter: TimeInterval?
        var jitter: Double
        var expected: TimeInterval
        var testDescription: String { name }
    }

    @Test("the wait after a poll", arguments: [
        DelayCase(name: "success, no jitter draw: the interval", failures: 0, retryAfter: nil, jitter: 0, expected: 600),
        DelayCase(name: "success, top jitter draw: interval + 10 %", failures: 0, retryAfter: nil, jitter: 1, expected: 660),
        DelayCase(name: "success, bottom jitter draw: interval − 10 %", failures: 0, retryAfter: nil, jitter: -1, expected: 540),
        DelayCase(name: "one failure doubles the interval", failures: 1, retryAfter: nil, jitter: 0, expected: 1200),
        DelayCase(name: "two failures double it twice", failures: 2, retryAfter: nil, jitter: 0, expected: 2400),
        DelayCase(name: "three failures reach max_backoff", failures: 3, retryAfter: nil, jitter: 0, expected: 3600),
        DelayCase(name: "many failures stay at max_backoff", failures: 500, retryAfter: nil, jitter: 0, expected: 3600),
        DelayCase(name: "backoff is jittered too", failures: 3, retryAfter: nil, jitter: 1, expected: 3960),
        DelayCase(name: "a longer Retry-After wins", failures: 1, retryAfter: 3000, jitter: 1, expected: 3000),
        DelayCase(name: "a shorter Retry-After does not shorten the backoff", failures: 1, retryAfter: 6, jitter: 0, expected: 1200),
        DelayCase(name: "a Retry-After past max_backoff is honoured", failures: 1, retryAfter: 7200, jitter: 0, expected: 7200),
        DelayCase(name: "a Retry-After of a day is honoured", failures: 1, retryAfter: 86_400, jitter: 0, expected: 86_400),
        DelayCase(name: "a Retry-After past a day is cut to a day", failures: 1, retryAfter: 30 * 86_400, jitter: 0, expected: 86_400),
    ])
    func delay(_ item: DelayCase) {
        let delay = Self.timing.delay(interval: 600, failures: item.failures, retryAfter: item.retryAfter, jitter: item.jitter)
        #expect(abs(delay - item.expected) < 1e-6)
    }

    @Test("backoff never polls a slow source sooner than its interval")
    func backoffNotBelowInterval() {
        // Interval 1 day is longer than max_backoff (1 hour): a failure waits the interval, not less.
        #expect(Self.timing.delay(interval: 86_400, failures: 1, retryAfter: nil, jitter: 0) == 86_400)
    }

    @Test("with max_backoff over a day, a Retry-After is honoured up to max_backoff")
    func retryAfterUpToLongBackoff() {
        var settings = Self.timing.settings
        settings.maxBackoff = 3 * 86_400
        let timing = PollTiming(settings: settings)
        #expect(timing.delay(interval: 600, failures: 1, retryAfter: 2 * 86_400, jitter: 0) == 2 * 86_400)
        #expect(timing.delay(interval: 600, failures: 1, retryAfter: 9 * 86_400, jitter: 0) == 3 * 86_400)
    }

    @Test("with a 1 s interval, Retry-After 6 keeps the source away 6 s")
    func retryAfterOnShortInterval() {
        #expect(Self.timing.delay(interval: 1, failures: 1, retryAfter: 6, jitter: 1) == 6)
    }

    @Test("a stored due time still ahead is kept at start-up")
    func resumeKeepsFutureDue() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        let stored = now.addingTimeInterval(300)
        #expect(Self.timing.resumeDue(stored: stored, now: now, interval: 600, jitter: 0.9) == stored)
    }

    @Test("overdue and unknown sources are spread over the jitter window, at most a minute")
    func resumeSpreadsOverdue() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        let overdue = now.addingTimeInterval(-5000)
        #expect(Self.timing.resumeDue(stored: overdue, now: now, interval: 600, jitter: 0.5) == now.addingTimeInterval(30))
        #expect(Self.timing.resumeDue(stored: nil, now: now, interval: 600, jitter: 1) == now.addingTimeInterval(60))
        #expect(Self.timing.resumeDue(stored: nil, now: now, interval: 86_400, jitter: 1) == now.addingTimeInterval(60))
        #expect(Self.timing.resumeDue(stored: nil, now: now, interval: 600, jitter: 0) == now)
    }

    @Test("a reload that moves a source's URL polls it soon; a shorter interval brings it forward")
    func rescheduleOnReload() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        let current = now.addingTimeInterval(500)
        let old = Source(id: "s", url: "https://a.example/")
        var moved = old
        moved.url = "https://b.example/"
        #expect(Self.timing.rescheduledDue(current: current, now: now, old: old, new: moved, interval: 600, jitter: 0) == now)
        var faster = old
        faster.interval = 60
        #expect(Self.timing.rescheduledDue(current: current, now: now, old: old, new: faster, interval: 60, jitter: 0)
            == now.addingTimeInterval(60))
        var slower = old
        slower.interval = 6000
        #expect(Self.timing.rescheduledDue(current: current, now: now, old: old, new: slower, interval: 6000, jitter: 0) == current)
    }
}
