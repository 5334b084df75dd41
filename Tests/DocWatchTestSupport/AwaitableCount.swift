import Synchronization

/// A count a test can wait on without a deadline: `reaches(n)` returns once `increment()` has been
/// called `n` times. On a loaded 2-core machine a fixed real-time bound fails tests that are only
/// slow; waiting for the event itself does not (the suite's time limit still catches a hang).
public final class AwaitableCount: Sendable {
    private struct State {
        var value = 0
        var waiters: [(target: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state = Mutex(State())

    public init() {}

    /// The count now.
    public var value: Int { state.withLock { $0.value } }

    /// Adds one and wakes the waiters whose target it reaches.
    public func increment() {
        let woken = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.value += 1
            let value = state.value
            let woken = state.waiters.filter { $0.target <= value }.map(\.continuation)
            state.waiters.removeAll { $0.target <= value }
            return woken
        }
        for continuation in woken { continuation.resume() }
    }

    /// Returns once the count is at least `target`.
    public func reaches(_ target: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let reached = state.withLock { state -> Bool in
                if state.value >= target { return true }
                state.waiters.append((target, continuation))
                return false
            }
            if reached { continuation.resume() }
        }
    }
}
