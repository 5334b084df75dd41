import CCurl
import Dispatch
@testable import DocWatchFetch
import Testing

/// `LoopWakeup`: the eventfd that ends the curl loop's poll when work arrives from another thread.
@Suite("Fetch: the loop's wake-up")
struct LoopWakeupTests {
    @Test("a signal before the wait ends it at once, and is used up: the next wait sleeps its time")
    func signalUsedUp() throws {
        try withMulti { multi in
            let wakeup = LoopWakeup(multi: multi)
            wakeup.signal()
            let clock = ContinuousClock()
            #expect(clock.measure { wakeup.waitFor(timeout: 60_000) } < .seconds(30))
            #expect(clock.measure { wakeup.waitFor(timeout: 100) } >= .milliseconds(90))
        }
    }

    @Test("a signal from another thread ends a wait under way")
    func signalFromAnotherThread() throws {
        try withMulti { multi in
            let wakeup = LoopWakeup(multi: multi)
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(50)) { wakeup.signal() }
            #expect(ContinuousClock().measure { wakeup.waitFor(timeout: 60_000) } < .seconds(30))
        }
    }

    private func withMulti(_ body: (UnsafeMutableRawPointer) throws -> Void) throws {
        #expect(CurlGlobal.ensureInitialised())
        let multi = try #require(curl_multi_init())
        defer { curl_multi_cleanup(multi) }
        try body(multi)
    }
}
