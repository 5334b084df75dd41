import DocWatchStore
import Foundation

/// The health writes of finished polls (`recordSourcePolls`), gathered so that polls finishing close
/// together share one transaction: a thousand sources on a short interval cost about one commit a
/// second instead of one per poll (the store's queued 304s go with each commit).
///
/// A poll's health waits at most `window`: the scheduler writes the batch when it is full, when its
/// deadline has passed, and before it sleeps past the deadline (so a daemon polling now and then writes
/// each poll at once, and no timer is added for the batch). A pure value: the scheduler owns it and
/// writes what `take()` hands out.
struct HealthBatch: Sendable {
    /// How long a gathered poll may wait for its write; 0 writes every poll on its own.
    let window: TimeInterval
    /// How many polls make a full batch.
    let limit: Int
    private var polls: [SourcePoll] = []
    /// By when the first gathered poll is to be written; nil while the batch is empty.
    private(set) var deadline: Date?

    init(window: TimeInterval = 1, limit: Int = 500) {
        self.window = window
        self.limit = max(1, limit)
    }

    /// How many polls are gathered.
    var count: Int { polls.count }

    /// Gathers one poll's health, finished at `now`.
    mutating func add(_ poll: SourcePoll, now: Date) {
        if polls.isEmpty { deadline = now.addingTimeInterval(window) }
        polls.append(poll)
    }

    /// Whether the batch is to be written now rather than after a sleep until `wake` (nil: a sleep
    /// until something signals): it is full, its deadline has passed, or the sleep would outlast it.
    func isDue(now: Date, sleepingUntil wake: Date?) -> Bool {
        guard let deadline else { return false }
        if polls.count >= limit || now >= deadline { return true }
        guard let wake else { return true }
        return wake > deadline
    }

    /// The gathered polls, in the order they finished, leaving the batch empty.
    mutating func take() -> [SourcePoll] {
        deadline = nil
        var taken: [SourcePoll] = []
        swap(&taken, &polls)
        return taken
    }
}
