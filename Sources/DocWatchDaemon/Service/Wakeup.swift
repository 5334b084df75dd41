import DocWatchCore
import Foundation
import Synchronization

/// Wakes one waiting loop: `signal()` ends the current (or next) `wait`, so a loop that sleeps until
/// its next deadline also wakes for new work. `stop()` marks the loop as done and wakes it.
///
/// A wait is one continuation that whichever comes first resumes: a signal, the deadline (a timer task
/// sleeping on the injected clock, started only for a deadline still ahead and cancelled when the wait
/// ends otherwise) or the waiting task's cancellation. No task group and no task waiting for the signal:
/// the polling loop waits once per poll, and each child task and hand-over cost thread wake-ups.
final class Wakeup: Sendable {
    private struct State {
        var pending = false
        var stopped = false
        var waiter: CheckedContinuation<Void, Never>?
        /// Counts the waits that parked, so the timer of an ended wait cannot end a later one.
        var waits: UInt64 = 0
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
    /// `nil` waits for a signal only. A signal given while nothing waited ends this wait at once.
    func wait(until deadline: Date?, clock: any WallClock) async {
        if state.withLock({ state in
            defer { state.pending = false }
            return state.pending
        }) { return }
        if let deadline, deadline <= clock.now() { return }
        var timer: Task<Void, Never>?
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let parked = state.withLock { state -> UInt64? in
                    if state.pending {
                        state.pending = false
                        return nil
                    }
                    if Task.isCancelled { return nil }
                    state.waits += 1
                    state.waiter = continuation
                    return state.waits
                }
                guard let parked else { return continuation.resume() }
                if let deadline {
                    timer = Task { [self] in
                        do {
                            try await clock.sleep(until: deadline)
                        } catch {
                            return
                        }
                        resume(parked)
                    }
                }
            }
        } onCancel: {
            resume()
        }
        timer?.cancel()
    }

    /// Waits until `deadline` has passed by `clock`, or `stop()`; a `signal()` does not end it (a loop
    /// backing off ignores new work).
    func waitIgnoringSignals(until deadline: Date, clock: any WallClock) async {
        while !isStopped, clock.now() < deadline { await wait(until: deadline, clock: clock) }
    }

    /// Ends the parked wait: the one numbered `wait` if given (its deadline came, and it still waits),
    /// else whichever waits (its task was cancelled).
    private func resume(_ wait: UInt64? = nil) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard wait == nil || wait == state.waits else { return nil }
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }
}
