import DocWatchCore
import DocWatchTestSupport
import Foundation
import Synchronization
import Testing
@testable import DocWatchFetch

/// What a fetcher keeps between transfers: connections (in the multi handle) and easy handles (reset,
/// in its pool), and what it must not keep: one request's headers, validators or cookies in the next.
@Suite("CurlFetcher reuses connections and easy handles")
struct CurlFetcherReuseTests {
    @Test("forty requests to one host, four at a time, come on no more than four connections")
    func connectionsReused() async throws {
        // A generous timeout: on a loaded machine the loopback server may answer slowly.
        let ports = try await withFetcher({ $0.concurrency = 4; $0.perHost = 4; $0.timeout = 30 }) { fetcher, server in
            server.set(path: "/p", body: "page")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<40 { group.addTask { _ = try await fetcher.fetch(FetchRequest(url: server.url("/p"))) } }
                try await group.waitForAll()
            }
            return server.requests(to: "/p").map(\.clientPort)
        }
        #expect(ports.count == 40)
        #expect(!ports.contains(nil))
        #expect(Set(ports).count <= 4)
    }

    @Test("fifty requests one after another make one easy handle")
    func easyHandlesReused() async throws {
        let made = try await withFetcher { fetcher, server in
            server.set(path: "/p", body: "page")
            for _ in 0..<50 { _ = try await fetcher.fetch(FetchRequest(url: server.url("/p"))) }
            return try fetcher.engine.get().handles.made.load(ordering: .relaxed)
        }
        #expect(made == 1)
    }

    @Test("a reused easy handle sends nothing of its last request: no headers, no validators, no other jar's cookies")
    func resetHandleForgets() async throws {
        let (seen, made) = try await withFetcher({ $0.concurrency = 1 }) { fetcher, server in
            server.set(path: "/set", headers: ["Set-Cookie": "sid=A1; Path=/"], body: "cookie")
            server.set(path: "/p", body: "page")
            let dressed = FetchRequest(url: server.url("/p"), etag: "\"v1\"", lastModified: "Sat, 01 Jan 2022 00:00:00 GMT",
                                       options: RequestOptions(headers: ["Referer": "https://gov.example/"], cookieJar: "a"))
            _ = try await fetcher.fetch(FetchRequest(url: server.url("/set"), options: RequestOptions(cookieJar: "a")))
            _ = try await fetcher.fetch(dressed)
            for jar in [nil, "b", "a"] {
                _ = try await fetcher.fetch(FetchRequest(url: server.url("/p"), options: RequestOptions(cookieJar: jar)))
            }
            return (server.requests(to: "/p").map(\.headers), try fetcher.engine.get().handles.made.load(ordering: .relaxed))
        }
        // One after another, every request ran on the first one's handle.
        #expect(made == 1)
        #expect(seen.count == 4)
        #expect(seen.first?["referer"] == "https://gov.example/" && seen.first?["if-none-match"] == "\"v1\"")
        #expect(seen.first?["cookie"] == "sid=A1")
        for plain in seen.dropFirst() {
            #expect(plain["referer"] == nil && plain["if-none-match"] == nil && plain["if-modified-since"] == nil)
            #expect(plain["user-agent"] == "docwatch-test/1.0")
        }
        // No jar, jar b, jar a again: only jar a's own cookie comes back.
        #expect(seen.dropFirst().map { $0["cookie"] } == [nil, nil, "sid=A1"])
    }

    @Test("a reused easy handle forgets the last request's proxy: the next request goes direct")
    func resetHandleForgetsProxy() async throws {
        let proxy = try await TestHTTPServer.start()
        proxy.set(path: "/via-proxy", body: "proxied")
        let (direct, made, proxySeen) = try await withFetcher({ $0.concurrency = 1 }) { fetcher, server in
            server.set(path: "/p", body: "page")
            _ = try await fetcher.fetch(FetchRequest(url: "http://docwatch.invalid/via-proxy", options: RequestOptions(proxy: proxy.baseURL)))
            let direct = try await fetcher.fetch(FetchRequest(url: server.url("/p")))
            return (direct, try fetcher.engine.get().handles.made.load(ordering: .relaxed), proxy.requests.count)
        }
        await proxy.stop()
        #expect(made == 1)
        #expect(proxySeen == 1)
        #expect(direct.status == 200 && direct.body == Array("page".utf8))
    }
}
