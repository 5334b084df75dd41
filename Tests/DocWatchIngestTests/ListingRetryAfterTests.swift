import DocWatchCore
import DocWatchIngest
import DocWatchExtract
import DocWatchFetch
import DocWatchStore
import DocWatchTestSupport
import Testing

/// List, feed and sitemap sources honour Retry-After like page sources (the scheduler reads `retryAfter`).
@Suite("Retry-After on listings")
struct ListingRetryAfterTests {
    @Test(arguments: [SourceKind.feed, .list, .sitemap])
    func listingCarriesRetryAfter(kind: SourceKind) async throws {
        let server = try await TestHTTPServer.start()
        let fetcher = CurlFetcher(settings: HTTPSettings(), userAgent: "test")
        defer { fetcher.shutdown(); Task { await server.stop() } }
        server.set(path: "/listing", status: 503, headers: ["Retry-After": "6"], body: "busy")
        let pipeline = IngestPipeline(fetcher: fetcher, database: try DocWatchDatabase.inMemory(), extractor: Extractor())
        let report = await pipeline.poll(Source(id: "s", url: server.url("/listing"), kind: kind))
        #expect(report.outcome == .error && report.status == 503)
        #expect(report.retryAfter == 6)
    }
}
