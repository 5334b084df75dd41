import DocWatchCore
import DocWatchTestSupport
@testable import DocWatchFetch
import Testing

/// The no-proxy list, read from the environment once per fetcher instead of by libcurl per transfer.
@Suite("Fetch: no_proxy")
struct NoProxyTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var environment: [String: String]
        var list: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "neither variable", environment: ["PATH": "/usr/bin"], list: ""),
        Case(name: "no_proxy", environment: ["no_proxy": "gov.example,127.0.0.1"], list: "gov.example,127.0.0.1"),
        Case(name: "NO_PROXY", environment: ["NO_PROXY": "*"], list: "*"),
        Case(name: "the lower-case one wins", environment: ["no_proxy": "a.example", "NO_PROXY": "b.example"], list: "a.example"),
        Case(name: "an empty no_proxy counts as unset", environment: ["no_proxy": "", "NO_PROXY": "b.example"], list: "b.example"),
    ]

    @Test("the list is read as libcurl reads it", arguments: cases)
    func list(_ testCase: Case) {
        #expect(NoProxy.list(in: testCase.environment) == testCase.list)
    }

    @Test("a direct transfer gets an empty list, a proxied one the environment's")
    func option() {
        #expect(NoProxy.option(proxy: "", list: "127.0.0.1") == "")
        #expect(NoProxy.option(proxy: "http://proxy.example:3128", list: "127.0.0.1") == "127.0.0.1")
    }

    @Test("a host in the fetcher's no_proxy goes direct past the configured proxy; others still use it")
    func noProxyHostGoesDirect() async throws {
        let proxy = try await TestHTTPServer.start()
        let target = try await TestHTTPServer.start()
        target.set(path: "/direct", body: "direct")
        proxy.set(path: "/via-proxy", body: "proxied")
        let fetcher = CurlFetcher(settings: loopbackSettings { $0.proxy = proxy.baseURL }, userAgent: "docwatch-test/1.0",
                                  environment: ["no_proxy": "127.0.0.1"])
        let direct = try await fetcher.fetch(FetchRequest(url: target.url("/direct")))
        let proxied = try await fetcher.fetch(FetchRequest(url: "http://docwatch.invalid/via-proxy"))
        fetcher.shutdown()
        let (targetSeen, proxySeen) = (target.requests, proxy.requests)
        await target.stop()
        await proxy.stop()
        #expect(direct.status == 200 && direct.body == Array("direct".utf8))
        #expect(targetSeen.count == 1)
        #expect(proxied.status == 200 && proxied.body == Array("proxied".utf8))
        #expect(proxySeen.map { $0.headers["host"] } == ["docwatch.invalid"])
    }
}
