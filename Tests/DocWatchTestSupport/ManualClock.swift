import DocWatchCore
import Foundation
import Synchronization

/// A `WallClock` that stands still until a test moves it: `advance` wakes every sleeper whose deadline
/// has come, in deadline order, and `sleeper(where:)` waits (without polling) until a loop has gone
/// to sleep, so a test steps a timer loop one wake-up at a time in no real time.
public final class ManualClock: WallClock {
    private struct Sleeper {
        var deadline: Date
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct Watcher {
        var condition: @Sendable (Date) -> Bool
        var continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var now: Date
        var nextID = 0
        var sleepers: [Int: Sleeper] = [:]
        var watchers: [Watcher] = []
    }

    private let state: Mutex<State>

    /// A clock at `start` (by default a fixed, round instant, so logs and due times read the same every run).
    public init(start: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        state = Mutex(State(now: start))
    }

    public func now() -> Date { state.withLock { $0.now } }

    /// The deadlines of the tasks sleeping now, earliest first.
    public var sleepers: [Date] { state.withLock { $0.sleepers.values.map(\.deadline).sorted() } }

    public func sleep(until deadline: Date) async throws {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let (outcome, watchers) = state.withLock { state -> (Result<Void, any Error>?, [CheckedContinuation<Void, Never>]) in
                    if Task.isCancelled { return (.failure(CancellationError()), []) }
                    if deadline <= state.now { return (.success(()), []) }
                    state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    let woken = state.watchers.filter { $0.condition(deadline) }.map(\.continuation)
                    state.watchers.removeAll { $0.condition(deadline) }
                    return (nil, woken)
                }
                for watcher in watchers { watcher.resume() }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let sleeper = state.withLock { $0.sleepers.removeValue(forKey: id) }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves the clock `seconds` on and wakes the sleepers that are due.
    public func advance(by seconds: TimeInterval) {
        advance(to: now().addingTimeInterval(seconds))
    }

    /// Moves the clock to `instant` (never back) and wakes the sleepers due by then, earliest first.
    public func advance(to instant: Date) {
        let due = state.withLock { state -> [Sleeper] in
            state.now = max(state.now, instant)
            let due = state.sleepers.filter { $0.value.deadline <= state.now }
            for id in due.keys { state.sleepers[id] = nil }
            return due.values.sorted { $0.deadline < $1.deadline }
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Returns once some task sleeps until a deadline that meets `condition` (at once if one does now).
    public func sleeper(where condition: @escaping @Sendable (Date) -> Bool = { _ in true }) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let found = state.withLock { state -> Bool in
                if state.sleepers.values.contains(where: { condition($0.deadline) }) { return true }
                state.watchers.append(Watcher(condition: condition, continuation: continuation))
                return false
            }
            if found { continuation.resume() }
        }
    }
}
