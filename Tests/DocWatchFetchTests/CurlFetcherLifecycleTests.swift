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

    @Test("shutdown twice is harmless")
    func shutdownTwice() throws {
        let fetcher = CurlFetcher(settings: loopbackSettings(), userAgent: "t")
        fetcher.shutdown()
        fetcher.shutdown()
    }
}
