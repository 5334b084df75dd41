import DocWatchCore
import DocWatchFetch
import DocWatchTestSupport
import Foundation
import Testing

@Suite("CurlFetcher errors")
struct CurlFetcherErrorTests {
    @Test("URLs that are not http or https are refused before any transfer", arguments: [
        ("ftp://example.org/file", FetchError.protocolNotAllowed("ftp://example.org/file")),
        ("file:///etc/passwd", FetchError.protocolNotAllowed("file:///etc/passwd")),
        ("not a url", FetchError.invalidURL("not a url")),
        ("http://", FetchError.invalidURL("http://")),
    ])
    func refusedUpFront(_ url: String, _ expected: FetchError) async throws {
        let fetcher = CurlFetcher(settings: loopbackSettings(), userAgent: "t")
        defer { fetcher.shutdown() }
        await #expect(throws: expected) { try await fetcher.fetch(FetchRequest(url: url)) }
    }

    @Test("a slow answer times out")
    func timeout() async throws {
        try await withFetcher({ $0.timeout = 0.5 }) { fetcher, server in
            server.set(path: "/slow", body: "late", delay: 5)
            await #expect(throws: FetchError.timedOut(seconds: 0.5)) {
                try await fetcher.fetch(FetchRequest(url: server.url("/slow")))
            }
        }
    }

    @Test("a closed port is a failed connection")
    func refusedConnection() async throws {
        let server = try await TestHTTPServer.start()
        let closedURL = server.url("/")
        await server.stop()
        let fetcher = CurlFetcher(settings: loopbackSettings(), userAgent: "t")
        defer { fetcher.shutdown() }
        let error = await #expect(throws: FetchError.self) { try await fetcher.fetch(FetchRequest(url: closedURL)) }
        guard case .connectionFailed = error else {
            Issue.record("expected connectionFailed, got \(String(describing: error))")
            return
        }
    }

    @Test("bodies past max_body fail, with or without Content-Length", arguments: [false, true])
    func oversizedBody(chunked: Bool) async throws {
        try await withFetcher({ $0.maxBody = 1000 }) { fetcher, server in
            server.set(path: "/big", body: [UInt8](repeating: 65, count: 5000), chunked: chunked)
            server.set(path: "/fits", body: [UInt8](repeating: 65, count: 1000), chunked: chunked)
            await #expect(throws: FetchError.bodyTooLarge(limit: 1000)) {
                try await fetcher.fetch(FetchRequest(url: server.url("/big")))
            }
            let fits = try await fetcher.fetch(FetchRequest(url: server.url("/fits")))
            #expect(fits.body.count == 1000)
        }
    }

    @Test("max_body counts decoded bytes, not compressed ones")
    func maxBodyOnDecodedBytes() async throws {
        let page = [UInt8](repeating: 65, count: 50_000)
        let compressed = Gzip.compress(page)
        #expect(compressed.count < 10_000)
        try await withFetcher({ $0.maxBody = 10_000 }) { fetcher, server in
            server.set(path: "/gz", headers: ["Content-Encoding": "gzip"], body: compressed)
            await #expect(throws: FetchError.bodyTooLarge(limit: 10_000)) {
                try await fetcher.fetch(FetchRequest(url: server.url("/gz")))
            }
        }
    }
}
