import DocWatchCore
import DocWatchIngest
import Foundation

/// What the schedule decided after one poll: when the source is due next and its failures in a row.
public struct PollDecision: Sendable, Equatable {
    public var nextDue: Date
    public var failures: Int
}

/// Which sources a reload added, removed and changed (ids, sorted).
public struct ReloadSummary: Sendable, Equatable, CustomStringConvertible {
    public var added: [String] = []
    public var removed: [String] = []
    public var changed: [String] = []

    public var description: String {
        "\(added.count) added, \(removed.count) removed, \(changed.count) changed"
    }
}

/// The scheduler's state without the waiting: every source's due time, what is in flight, failures.
///
/// A value type driven by the instants it is given, so the whole schedule is tested without a clock.
public struct SchedulePlan: Sendable {
    public private(set) var configuration: Configuration
    private var timing: PollTiming
    private var sources: [String: Source] = [:]
    private var queue = DueQueue()
    public private(set) var inFlight: Set<String> = []
    private var failures: [String: Int] = [:]
    /// In-flight sources whose URL or kind changed in a reload: due soon after their poll ends.
    private var movedWhileInFlight: Set<String> = []
    /// A draw in 0...1 for jitter.
    private let draw: @Sendable () -> Double

    /// Schedules every configured source from its stored state (see `PollTiming.resumeDue`).
    public init(
        configuration: Configuration, stored: [String: SourceSchedule], now: Date,
        draw: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) {
        self.configuration = configuration
        self.timing = PollTiming(settings: configuration.schedule)
        self.draw = draw
        for source in configuration.sources {
            sources[source.id] = source
            failures[source.id] = stored[source.id]?.failures ?? 0
            queue.schedule(source.id, at: timing.resumeDue(stored: stored[source.id]?.nextDue, now: now,
                                                            interval: configuration.interval(of: source), jitter: draw()))
        }
    }

    /// How many sources are configured.
    public var sourceCount: Int { sources.count }

    /// How many sources failed their last poll.
    public var failingCount: Int { failures.values.lazy.filter { $0 > 0 }.count }

    /// When `id` is due, unless it is in flight or unknown.
    public func due(of id: String) -> Date? { queue.due(of: id) }

    /// The earliest due time of a source not in flight.
    public mutating func nextDue() -> Date? { queue.nextDue() }

    /// Takes the sources due at `now`, at most `limit`, and marks them in flight.
    public mutating func takeDue(now: Date, limit: Int) -> [Source] {
        var taken: [Source] = []
        while taken.count < limit, let id = queue.popDue(now: now) {
            guard let source = sources[id] else { continue }
            inFlight.insert(id)
            taken.append(source)
        }
        return taken
    }

    /// Ends the poll of `id` and schedules its next one; `nil` when the source was removed meanwhile.
    public mutating func finish(_ id: String, report: PollReport, now: Date) -> PollDecision? {
        inFlight.remove(id)
        let moved = movedWhileInFlight.remove(id) != nil
        guard let source = sources[id] else { return nil }
        let failed = report.outcome == .error
        let count = failed ? failures[id, default: 0] + 1 : 0
        failures[id] = count
        let interval = configuration.interval(of: source)
        let due: Date
        if moved {
            due = timing.resumeDue(stored: nil, now: now, interval: interval, jitter: draw())
        } else {
            let wait = timing.delay(interval: interval, failures: count, retryAfter: failed ? report.retryAfter : nil,
                                    jitter: draw() * 2 - 1)
            due = now.addingTimeInterval(wait)
        }
        queue.schedule(id, at: due)
        return PollDecision(nextDue: due, failures: count)
    }

    /// Ends the poll of `id` without counting it (cancelled at shutdown): due again at `now`.
    public mutating func abandon(_ id: String, now: Date) {
        self.defer(id, until: now)
    }

    /// Hands `id` back unpolled, due again at `until`: another daemon holds it or has polled it since.
    /// Not a failure: its failure count and back-off stay as they were.
    public mutating func `defer`(_ id: String, until: Date) {
        inFlight.remove(id)
        movedWhileInFlight.remove(id)
        if sources[id] != nil { queue.schedule(id, at: until) }
    }

    /// Takes a new configuration: added sources are scheduled like new ones, removed ones dropped
    /// (an in-flight poll of one finishes but is not rescheduled), changed ones rescheduled.
    public mutating func apply(_ new: Configuration, now: Date) -> ReloadSummary {
        let old = self
        configuration = new
        timing = PollTiming(settings: new.schedule)
        var summary = ReloadSummary()
        let newIDs = Set(new.sources.map(\.id))
        for id in old.sources.keys.sorted() where !newIDs.contains(id) {
            summary.removed.append(id)
            sources[id] = nil
            failures[id] = nil
            queue.remove(id)
        }
        for source in new.sources {
            let id = source.id
            sources[id] = source
            let interval = new.interval(of: source)
            guard let previous = old.sources[id] else {
                summary.added.append(id)
                failures[id] = 0
                queue.schedule(id, at: timing.resumeDue(stored: nil, now: now, interval: interval, jitter: draw()))
                continue
            }
            let intervalChanged = old.configuration.interval(of: previous) != interval
            guard previous != source || intervalChanged else { continue }
            summary.changed.append(id)
            if let current = queue.due(of: id) {
                queue.schedule(id, at: timing.rescheduledDue(current: current, now: now, old: previous, new: source,
                                                             interval: interval, jitter: draw()))
            } else if PollTiming.isMoved(from: previous, to: source) {
                movedWhileInFlight.insert(id)
            }
        }
        summary.added.sort()
        summary.changed.sort()
        return summary
    }
}
