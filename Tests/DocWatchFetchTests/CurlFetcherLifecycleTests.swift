import DocWatchCore
import Testing
@testable import DocWatchFetch

@Suite("CurlFetcher lifecycle")
struct CurlFetcherLifecycleTests {
    @Test("releasing a fetcher without shutdown ends its loop thread and frees the loop")
    func deinitEndsThread() async throws {
        weak var loop: CurlMultiLoop?
        do {
            let fetcher = CurlFetcher(settings: loopbackSettings(), userAgent: "t")
            loop = try fetcher.engine.get()
            #expect(loop != nil)
        }
        let freed = try await eventually { loop == nil }
        #expect(freed)
    }

    @Test("shutdown twice is harmless, and later fetches are refused as cancelled")
    func shutdownTwice() async throws {
        let fetcher = CurlFetcher(settings: loopbackSettings(), userAgent: "t")
        fetcher.shutdown()
        fetcher.shutdown()
        await #expect(throws: FetchError.cancelled) {
            try await fetcher.fetch(FetchRequest(url: "http://127.0.0.1:9/"))
        }
    }
}
