import DocWatchCore
@testable import DocWatchIngest
import DocWatchStore
import DocWatchTestSupport
import Foundation
import Testing

/// The one fetch step page and listing polls share: 304, failure, same raw hash, new body.
@Suite("Conditional fetch", .serialized)
struct ConditionalFetchTests {
    static let page = IngestBench.article("工信动态")

    /// What the step must come to, and the fetch-log row it must leave (none for a new body).
    enum Expected: Sendable {
        case notModified
        case failed(status: Int?, error: String, retryAfter: Double? = nil)
        case unchanged
        case body
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var route: TestRoute?
        var etag: String?
        var sameHashAsLastTime = false
        var expected: Expected
        var logged: FetchOutcome?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a 304 to the ETag sent: not modified, logged",
             route: TestRoute(headers: ["ETag": "\"v1\""], body: Array(page.utf8), etag: "\"v1\""), etag: "\"v1\"",
             expected: .notModified, logged: .notModified),
        Case(name: "HTTP 500: failed, logged as an error",
             route: TestRoute(status: 500, body: Array("oops".utf8)),
             expected: .failed(status: 500, error: "HTTP 500"), logged: .error),
        Case(name: "a 503 with Retry-After: failed, with the wait asked for",
             route: TestRoute(status: 503, headers: ["Retry-After": "6"], body: Array("busy".utf8)),
             expected: .failed(status: 503, error: "HTTP 503", retryAfter: 6), logged: .error),
        Case(name: "a PNG where a web page was due: failed, naming what came",
             route: TestRoute(headers: ["Content-Type": "image/png"], body: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]),
             expected: .failed(status: 200, error: "not a web page"), logged: .error),
        Case(name: "the same bytes as last time: unchanged, logged, not handed on",
             route: TestRoute(headers: ["Content-Type": "text/html; charset=utf-8"], body: Array(page.utf8)),
             sameHashAsLastTime: true, expected: .unchanged, logged: .unchanged),
        Case(name: "new bytes: handed on with their hash, not logged yet",
             route: TestRoute(headers: ["Content-Type": "text/html; charset=utf-8"], body: Array(page.utf8)),
             expected: .body, logged: nil),
        Case(name: "no server: failed, logged as an error", route: nil,
             expected: .failed(status: nil, error: "connection failed"), logged: .error),
    ]

    @Test(arguments: cases)
    func triage(_ testCase: Case) async throws {
        let bench = try await IngestBench()
        defer { Task { await bench.close() } }
        if let route = testCase.route { bench.server.set(path: "/doc.html", route: route) }
        let url = testCase.route == nil ? "http://127.0.0.1:9/doc.html" : bench.server.url("/doc.html")
        let subject = FetchSubject(
            source: Source(id: "s", url: url), url: url, canonical: url, stored: .document, etag: testCase.etag,
            unchangedHash: testCase.sameHashAsLastTime ? ContentHash.raw(Array(Self.page.utf8)) : nil, expected: "a web page")
        let result = await bench.pipeline.conditionalFetch.run(subject)

        switch (result, testCase.expected) {
        case (.notModified(let report), .notModified):
            #expect(report.outcome == .notModified && report.status == 304)
        case (.unchanged(let report), .unchanged):
            #expect(report.outcome == .unchanged && report.status == 200)
        case (.failed(let report), .failed(let status, let error, let retryAfter)):
            #expect(report.outcome == .error && report.status == status)
            #expect(report.error?.contains(error) == true, "\(report.error ?? "no error")")
            #expect(report.retryAfter == retryAfter)
            #expect(!report.storeFailed)
        case (.body(let exchange, let rawHash), .body):
            #expect(rawHash == ContentHash.raw(Array(Self.page.utf8)))
            #expect(exchange.response.body == Array(Self.page.utf8))
        default:
            Issue.record("came to \(result), not \(testCase.expected)")
        }
        #expect(try bench.lastLogged()?.outcome == testCase.logged)
        if testCase.logged != nil { #expect(try bench.lastLogged()?.url == url) }
    }

    @Test("a 304 sends the stored validators and hands on no body")
    func notModifiedSendsValidators() async throws {
        let bench = try await IngestBench()
        defer { Task { await bench.close() } }
        bench.server.page(path: "/doc.html", body: Self.page, etag: "\"v1\"", lastModified: "Wed, 15 Apr 2020 10:00:00 GMT")
        let url = bench.server.url("/doc.html")
        let subject = FetchSubject(source: Source(id: "s", url: url), url: url, canonical: url, stored: .listing,
                                   etag: "\"v1\"", lastModified: "Wed, 15 Apr 2020 10:00:00 GMT", expected: "a list page")
        guard case .notModified = await bench.pipeline.conditionalFetch.run(subject) else {
            Issue.record("not a 304")
            return
        }
        let request = try #require(bench.server.requests(to: "/doc.html").first)
        #expect(request.headers["if-none-match"] == "\"v1\"")
        #expect(request.headers["if-modified-since"] == "Wed, 15 Apr 2020 10:00:00 GMT")
    }
}
