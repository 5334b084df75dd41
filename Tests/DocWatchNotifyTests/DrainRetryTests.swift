import DocWatchNotify
import Testing

/// The back-off of a failing drain and the two log lines it is worth.
@Suite("Drain retry")
struct DrainRetryTests {
    @Test("delays double from 1 s to a cap of 60 s while drains fail, and reset after a success")
    func exponentialBackOff() {
        var retry = DrainRetry()
        #expect(retry.delay == nil)
        var delays: [Double] = []
        for _ in 0..<9 {
            _ = retry.failed("disk full")
            delays.append(retry.delay ?? -1)
        }
        #expect(delays == [1, 2, 4, 8, 16, 32, 60, 60, 60])
        _ = retry.succeeded(written: 3)
        #expect(retry.delay == nil)
        _ = retry.failed("disk full")
        #expect(retry.delay == 1)
    }

    @Test("only the first failure and the first success after failures are reported")
    func reportsOnceEachWay() {
        var retry = DrainRetry()
        #expect(retry.succeeded(written: 2) == .quiet)
        #expect(retry.failed("No space left on device") == .startedFailing(error: "No space left on device"))
        for _ in 0..<50 { #expect(retry.failed("No space left on device") == .quiet) }
        #expect(retry.succeeded(written: 17) == .recovered(failedAttempts: 51, written: 17))
        #expect(retry.succeeded(written: 1) == .quiet)
    }

    @Test("a huge number of failures never overflows the delay")
    func manyFailures() {
        var retry = DrainRetry(initialDelay: 1, maximumDelay: 60)
        for _ in 0..<10_000 { _ = retry.failed("x") }
        #expect(retry.delay == 60)
    }
}
