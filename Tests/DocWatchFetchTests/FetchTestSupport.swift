import DocWatchCore
import DocWatchFetch
import DocWatchTestSupport
import Foundation

/// Settings for loopback tests: no host delay, generous caps, timeouts long enough for a loaded CI machine
/// (the loopback server runs in the test process and shares two cores with every other suite).
func loopbackSettings(_ adjust: (inout HTTPSettings) -> Void = { _ in }) -> HTTPSettings {
    var settings = HTTPSettings()
    settings.concurrency = 16
    settings.perHost = 16
    settings.hostDelay = 0
    settings.timeout = 60
    settings.connectTimeout = 30
    adjust(&settings)
    return settings
}

/// A fetcher and a fresh server, both ended when `body` returns.
func withFetcher<T>(
    _ adjust: (inout HTTPSettings) -> Void = { _ in },
    _ body: (CurlFetcher, TestHTTPServer) async throws -> T
) async throws -> T {
    let server = try await TestHTTPServer.start()
    let fetcher = CurlFetcher(settings: loopbackSettings(adjust), userAgent: "docwatch-test/1.0")
    do {
        let result = try await body(fetcher, server)
        fetcher.shutdown()
        await server.stop()
        return result
    } catch {
        fetcher.shutdown()
        await server.stop()
        throw error
    }
}

/// Waits (polling every 10 ms, for up to 30 s of a loaded machine) until `condition` holds; false if it never did.
func eventually(_ condition: () -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + .seconds(30)
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}
