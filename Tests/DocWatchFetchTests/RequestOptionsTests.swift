import DocWatchCore
import DocWatchFetch
import DocWatchTestSupport
import Foundation
import Testing

/// A source's request options as libcurl applies them: headers, its own cookie jar, its proxy.
@Suite("CurlFetcher request options")
struct RequestOptionsTests {
    @Test("a request's headers are sent as given, beside the conditional-request headers")
    func headersSent() async throws {
        let seen = try await withFetcher { fetcher, server in
            server.page(path: "/api", body: "{}", etag: "\"v1\"")
            let options = RequestOptions(headers: ["Referer": "https://www.miit.gov.cn/search/zcwjk.html", "Accept-Language": "zh-CN"])
            _ = try await fetcher.fetch(FetchRequest(url: server.url("/api"), etag: "\"v0\"", options: options))
            return try #require(server.requests(to: "/api").first)
        }
        #expect(seen.headers["referer"] == "https://www.miit.gov.cn/search/zcwjk.html")
        #expect(seen.headers["accept-language"] == "zh-CN")
        #expect(seen.headers["if-none-match"] == "\"v0\"")
    }

    @Test("a cookie one response sets is sent with later requests of the same jar, never of another jar or none")
    func cookieJarsApart() async throws {
        let cookies = try await withFetcher { fetcher, server in
            server.set(path: "/a/list", headers: ["Set-Cookie": "sid=A1; Path=/"], body: "list a")
            server.set(path: "/article", body: "article")
            _ = try await fetcher.fetch(FetchRequest(url: server.url("/a/list"), options: RequestOptions(cookieJar: "a")))
            for jar in ["a", "b", nil] {
                _ = try await fetcher.fetch(FetchRequest(url: server.url("/article"), options: RequestOptions(cookieJar: jar)))
            }
            return server.requests(to: "/article").map { $0.headers["cookie"] }
        }
        #expect(cookies == ["sid=A1", nil, nil])
    }

    @Test("a request's proxy wins over [http] proxy, and \"\" goes direct")
    func proxyOverride() async throws {
        let proxy = try await TestHTTPServer.start()
        proxy.set(path: "/via-proxy", body: "proxied")
        // [http] proxy points at a closed port: only the per-request choice can succeed.
        let (viaProxy, direct) = try await withFetcher({ $0.proxy = "http://127.0.0.1:9" }) { fetcher, server in
            server.set(path: "/direct", body: "direct")
            let viaProxy = try await fetcher.fetch(FetchRequest(url: "http://docwatch.invalid/via-proxy",
                                                                options: RequestOptions(proxy: proxy.baseURL)))
            let direct = try await fetcher.fetch(FetchRequest(url: server.url("/direct"), options: RequestOptions(proxy: "")))
            return (viaProxy, direct)
        }
        let seen = proxy.requests
        await proxy.stop()
        #expect(viaProxy.body == Array("proxied".utf8))
        #expect(seen.first?.target == "http://docwatch.invalid/via-proxy")
        #expect(direct.body == Array("direct".utf8))
    }
}
