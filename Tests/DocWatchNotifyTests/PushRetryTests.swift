import DocWatchNotify
import Foundation
import Testing

@Suite("Push retry policy")
struct PushRetryTests {
    @Test("no wait while delivering; after failures 1 s doubling, capped at the maximum")
    func doublingUpToTheCap() {
        var retry = PushRetry(initialDelay: 1, maximumDelay: 600, jitter: 0)
        #expect(retry.delay(draw: 0.5) == nil)
        var delays: [TimeInterval] = []
        for _ in 0..<12 {
            _ = retry.failed("HTTP 500")
            delays.append(retry.delay(draw: 0.5) ?? -1)
        }
        #expect(delays == [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 600, 600])
    }

    @Test("a day of failures keeps waiting at the cap, never gives up")
    func aDayDown() {
        var retry = PushRetry(initialDelay: 1, maximumDelay: 600, jitter: 0.2)
        var waited: TimeInterval = 0
        while waited < 86_400 {
            _ = retry.failed("connection refused")
            waited += retry.delay(draw: 0.99) ?? 0
        }
        #expect(retry.failures > 100)
        #expect(retry.delay(draw: 0) == 600)
    }

    @Test(
        "jitter takes up to its fraction off the wait, by the draw",
        arguments: [(draw: 0.0, expected: 8.0), (draw: 0.5, expected: 7.2), (draw: 1.0, expected: 6.4), (draw: 7.0, expected: 6.4)]
    )
    func jitter(draw: Double, expected: TimeInterval) throws {
        var retry = PushRetry(initialDelay: 1, maximumDelay: 600, jitter: 0.2)
        for _ in 0..<4 { _ = retry.failed("HTTP 503") }
        let delay = try #require(retry.delay(draw: draw))
        #expect(abs(delay - expected) < 1e-9)
    }

    @Test("one report when failing starts, none per retry, one on recovery with the count delivered")
    func reports() {
        var retry = PushRetry(initialDelay: 1, maximumDelay: 8)
        #expect(retry.failed("HTTP 500") == .startedFailing(error: "HTTP 500"))
        #expect(retry.failed("HTTP 500") == .quiet)
        #expect(retry.failed("timeout") == .quiet)
        #expect(retry.succeeded(delivered: 5) == .recovered(failedAttempts: 3, written: 5))
        #expect(retry.delay(draw: 0) == nil)
        #expect(retry.succeeded(delivered: 1) == .quiet)
    }
}
