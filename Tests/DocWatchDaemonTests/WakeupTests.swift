@testable import DocWatchDaemon
import DocWatchTestSupport
import Foundation
import Testing

/// `Wakeup.wait` on a manual clock: it ends on whichever comes first of its deadline, a signal, `stop()`
/// and cancellation, never before its deadline, and leaves no timer sleeping once it has ended.
@Suite("Wakeup", .timeLimit(.minutes(1)))
struct WakeupTests {
    /// A wait in a task of its own; `ended` counts 1 once it has returned.
    struct Waiting {
        let task: Task<Void, Never>
        let ended = AwaitableCount()

        init(_ wakeup: Wakeup, until deadline: Date?, clock: ManualClock) {
            let ended = self.ended
            task = Task {
                await wakeup.wait(until: deadline, clock: clock)
                ended.increment()
            }
        }
    }

    @Test("a wait ends when the clock reaches its deadline, not a moment before, and leaves no timer")
    func endsAtDeadline() async {
        let clock = ManualClock(), wakeup = Wakeup()
        let deadline = clock.now().addingTimeInterval(10)
        let waiting = Waiting(wakeup, until: deadline, clock: clock)
        await clock.sleeper { $0 == deadline }
        clock.advance(to: deadline.addingTimeInterval(-0.001))
        #expect(clock.sleepers == [deadline], "its timer still sleeps")
        #expect(waiting.ended.value == 0)
        clock.advance(to: deadline)
        await waiting.task.value
        #expect(clock.sleepers.isEmpty)
    }

    @Test("a signal ends a wait before its deadline and cancels its timer")
    func signalEndsWait() async {
        let clock = ManualClock(), wakeup = Wakeup()
        let deadline = clock.now().addingTimeInterval(3600)
        let waiting = Waiting(wakeup, until: deadline, clock: clock)
        await clock.sleeper { $0 == deadline }
        wakeup.signal()
        await waiting.task.value
        #expect(clock.sleepers.isEmpty)
        #expect(clock.now() < deadline)
    }

    @Test("a signal given while nothing waits ends the next wait at once, and only that one")
    func pendingSignal() async {
        let clock = ManualClock(), wakeup = Wakeup()
        wakeup.signal()
        await wakeup.wait(until: nil, clock: clock)
        let deadline = clock.now().addingTimeInterval(60)
        let waiting = Waiting(wakeup, until: deadline, clock: clock)
        await clock.sleeper { $0 == deadline }
        #expect(waiting.ended.value == 0)
        clock.advance(to: deadline)
        await waiting.task.value
    }

    @Test("a wait without a deadline ends on a signal and starts no timer")
    func waitForSignalOnly() async {
        let clock = ManualClock(), wakeup = Wakeup()
        let waiting = Waiting(wakeup, until: nil, clock: clock)
        let later = clock.now().addingTimeInterval(86_400)
        clock.advance(to: later)
        #expect(clock.sleepers.isEmpty)
        wakeup.signal()
        await waiting.task.value
    }

    @Test("a deadline already passed ends the wait at once without a timer")
    func passedDeadline() async {
        let clock = ManualClock(), wakeup = Wakeup()
        await wakeup.wait(until: clock.now(), clock: clock)
        await wakeup.wait(until: clock.now().addingTimeInterval(-5), clock: clock)
        #expect(clock.sleepers.isEmpty)
    }

    @Test("cancelling the waiting task ends its wait promptly and leaves no timer", arguments: [false, true])
    func cancellationEndsWait(withDeadline: Bool) async {
        let clock = ManualClock(), wakeup = Wakeup()
        let deadline = clock.now().addingTimeInterval(3600)
        let waiting = Waiting(wakeup, until: withDeadline ? deadline : nil, clock: clock)
        if withDeadline { await clock.sleeper { $0 == deadline } }
        waiting.task.cancel()
        await waiting.task.value
        #expect(clock.sleepers.isEmpty)
        #expect(clock.now() < deadline)
    }

    @Test("a wait ignoring signals ends at its deadline or on stop(), not on a signal")
    func ignoringSignals() async {
        let clock = ManualClock(), wakeup = Wakeup()
        let deadline = clock.now().addingTimeInterval(30)
        let ended = AwaitableCount()
        let task = Task {
            await wakeup.waitIgnoringSignals(until: deadline, clock: clock)
            ended.increment()
        }
        await clock.sleeper { $0 == deadline }
        wakeup.signal()
        // The loop waits again for the same deadline.
        await clock.sleeper { $0 == deadline }
        #expect(ended.value == 0)
        clock.advance(to: deadline)
        await task.value

        let stopped = Task { await wakeup.waitIgnoringSignals(until: deadline.addingTimeInterval(30), clock: clock) }
        await clock.sleeper { $0 == deadline.addingTimeInterval(30) }
        wakeup.stop()
        await stopped.value
        #expect(clock.sleepers.isEmpty)
    }
}
