import DocWatchCore
import DocWatchFetch
import DocWatchTestSupport
import Foundation
import Testing

@Suite("CurlFetcher responses")
struct CurlFetcherResponseTests {
    @Test("a 200 comes back with its body, lower-cased headers, the user agent sent")
    func okWithBodyAndHeaders() async throws {
        try await withFetcher { fetcher, server in
            server.set(path: "/page", headers: ["Content-Type": "text/html; charset=utf-8", "X-Custom": "yes"], body: "<p>你好</p>")
            let response = try await fetcher.fetch(FetchRequest(url: server.url("/page")))
            #expect(response.status == 200)
            #expect(response.url == server.url("/page"))
            #expect(response.body == Array("<p>你好</p>".utf8))
            #expect(response.contentType == "text/html; charset=utf-8")
            #expect(response.headers["x-custom"] == "yes")
            let sent = try #require(server.requests(to: "/page").first)
            #expect(sent.headers["user-agent"] == "docwatch-test/1.0")
            #expect(sent.headers["accept-encoding"]?.contains("gzip") == true)
        }
    }

    struct Conditional: Sendable, CustomTestStringConvertible {
        let name: String
        let etag: String?
        let lastModified: String?
        let status: Int
        var testDescription: String { name }
    }

    static let lastModified = "Sat, 21 Nov 2026 08:00:00 GMT"
    static let conditionals: [Conditional] = [
        Conditional(name: "no validators: 200", etag: nil, lastModified: nil, status: 200),
        Conditional(name: "matching ETag: 304", etag: "\"v1\"", lastModified: nil, status: 304),
        Conditional(name: "stale ETag: 200", etag: "\"v0\"", lastModified: nil, status: 200),
        Conditional(name: "matching Last-Modified: 304", etag: nil, lastModified: lastModified, status: 304),
    ]

    @Test("validators make a conditional GET", arguments: conditionals)
    func conditional(_ testCase: Conditional) async throws {
        try await withFetcher { fetcher, server in
            server.page(path: "/doc", body: "text", etag: "\"v1\"", lastModified: Self.lastModified)
            let request = FetchRequest(url: server.url("/doc"), etag: testCase.etag, lastModified: testCase.lastModified)
            let response = try await fetcher.fetch(request)
            #expect(response.status == testCase.status)
            #expect(response.body == (testCase.status == 304 ? [] : Array("text".utf8)))
            let sent = try #require(server.requests(to: "/doc").first)
            #expect(sent.headers["if-none-match"] == testCase.etag)
            #expect(sent.headers["if-modified-since"] == testCase.lastModified)
        }
    }

    @Test("a redirect is followed; the final URL and only the final headers are reported")
    func redirectFollowed() async throws {
        try await withFetcher { fetcher, server in
            server.set(path: "/old", status: 301, headers: ["Location": "/new", "X-Hop": "old"], body: "see /new")
            server.set(path: "/new", headers: ["X-Final": "new"], body: "moved here")
            let response = try await fetcher.fetch(FetchRequest(url: server.url("/old")))
            #expect(response.status == 200)
            #expect(response.url == server.url("/new"))
            #expect(response.body == Array("moved here".utf8))
            #expect(response.headers["x-final"] == "new")
            #expect(response.headers["x-hop"] == nil)
            #expect(response.headers["location"] == nil)
        }
    }

    @Test("a redirect to a non-http scheme is refused")
    func redirectToOtherSchemeRefused() async throws {
        try await withFetcher { fetcher, server in
            server.redirect(path: "/ftp", to: "ftp://127.0.0.1/file.txt")
            let error = await #expect(throws: FetchError.self) {
                try await fetcher.fetch(FetchRequest(url: server.url("/ftp")))
            }
            #expect(error == .protocolNotAllowed("ftp://127.0.0.1/file.txt"))
        }
    }

    struct RedirectChain: Sendable, CustomTestStringConvertible {
        let name: String
        let hops: Int
        let maxRedirects: Int
        let allowed: Bool
        var testDescription: String { name }
    }

    @Test("redirect chains up to max_redirects are followed, longer ones fail", arguments: [
        RedirectChain(name: "2 hops, limit 2", hops: 2, maxRedirects: 2, allowed: true),
        RedirectChain(name: "3 hops, limit 2", hops: 3, maxRedirects: 2, allowed: false),
        RedirectChain(name: "1 hop, limit 0", hops: 1, maxRedirects: 0, allowed: false),
    ])
    func redirectLimit(_ chain: RedirectChain) async throws {
        try await withFetcher({ $0.maxRedirects = chain.maxRedirects }) { fetcher, server in
            for hop in 0..<chain.hops { server.redirect(path: "/r\(hop)", to: "/r\(hop + 1)") }
            server.set(path: "/r\(chain.hops)", body: "end")
            let request = FetchRequest(url: server.url("/r0"))
            if chain.allowed {
                let response = try await fetcher.fetch(request)
                #expect(response.url == server.url("/r\(chain.hops)"))
            } else {
                await #expect(throws: FetchError.tooManyRedirects(limit: chain.maxRedirects)) {
                    try await fetcher.fetch(request)
                }
            }
        }
    }

    @Test("error statuses come back as responses", arguments: [404, 429, 500, 503])
    func errorStatusIsResponse(_ status: Int) async throws {
        try await withFetcher { fetcher, server in
            server.set(path: "/e", status: status, headers: ["Retry-After": "120"], body: "oops")
            let response = try await fetcher.fetch(FetchRequest(url: server.url("/e")))
            #expect(response.status == status)
            #expect(response.body == Array("oops".utf8))
            #expect(response.headers["retry-after"] == "120")
        }
    }

    @Test("gzip is decoded")
    func gzipDecoded() async throws {
        let page = Array(String(repeating: "政策文件 ", count: 5000).utf8)
        try await withFetcher { fetcher, server in
            server.set(path: "/gz", headers: ["Content-Encoding": "gzip"], body: Gzip.compress(page))
            let response = try await fetcher.fetch(FetchRequest(url: server.url("/gz")))
            #expect(response.body == page)
        }
    }

    @Test("GBK bytes come back untouched")
    func gbkUntouched() async throws {
        let gbk: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4, 0xB9, 0xAB, 0xB8, 0xE6] // 中文公告
        try await withFetcher { fetcher, server in
            server.set(path: "/gbk", headers: ["Content-Type": "text/html; charset=gbk"], body: gbk)
            let response = try await fetcher.fetch(FetchRequest(url: server.url("/gbk")))
            #expect(response.body == gbk)
            #expect(response.contentType == "text/html; charset=gbk")
        }
    }
}

@Suite("CurlFetcher proxy")
struct CurlFetcherProxyTests {
    @Test("the configured proxy carries the request")
    func proxyUsed() async throws {
        let proxy = try await TestHTTPServer.start()
        proxy.set(path: "/via-proxy", body: "proxied")
        let response = try await withFetcher({ $0.proxy = proxy.baseURL }) { fetcher, _ in
            try await fetcher.fetch(FetchRequest(url: "http://docwatch.invalid/via-proxy"))
        }
        let seen = proxy.requests
        await proxy.stop()
        #expect(response.status == 200)
        #expect(response.body == Array("proxied".utf8))
        #expect(seen.first?.headers["host"] == "docwatch.invalid")
    }
}
