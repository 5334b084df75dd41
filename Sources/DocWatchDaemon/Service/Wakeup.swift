import DocWatchCore
import Foundation
import Synchronization

/// Wakes one waiting loop: `signal()` ends the current (or next) `wait`, so a loop that sleeps until
/// its next deadline also wakes for new work. `stop()` marks the loop as done and wakes it.
final class Wakeup: Sendable {
    private struct State {
        var pending = false
        var stopped = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    /// Whether `stop()` was called.
    var isStopped: Bool { state.withLock { $0.stopped } }

    /// Ends the current wait, or the next one if nothing waits now.
    func signal() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.pending = true
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    /// Marks the loop stopped and wakes it.
    func stop() {
        state.withLock { $0.stopped = true }
        signal()
    }

    /// Waits for a signal, for `deadline` (by `clock`) to pass, or for cancellation, whichever comes first.
    /// `nil` waits for a signal only.
    func wait(until deadline: Date?, clock: any WallClock) async {
        if state.withLock({ state in
            defer { state.pending = false }
            return state.pending
        }) { return }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitForSignal() }
            if let deadline {
                group.addTask { try? await clock.sleep(until: deadline) }
            }
            await group.next()
            group.cancelAll()
        }
    }

    /// Waits until `deadline` has passed by `clock`, or `stop()`; a `signal()` does not end it (a loop
    /// backing off ignores new work).
    func waitIgnoringSignals(until deadline: Date, clock: any WallClock) async {
        while !isStopped, clock.now() < deadline { await wait(until: deadline, clock: clock) }
    }

    private func waitForSignal() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.pending {
                        state.pending = false
                        return true
                    }
                    if Task.isCancelled { return true }
                    state.waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume()
        }
    }
}
