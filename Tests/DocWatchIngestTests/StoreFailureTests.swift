import DocWatchCore
@testable import DocWatchIngest
import DocWatchStore
import DocWatchTestSupport
import Foundation
import Testing

/// A store operation that fails during a poll is never dropped: one logged error line naming the URL,
/// and the poll's report is an error that says what the store could not do.
@Suite("Ingest: store failures", .serialized)
struct StoreFailureTests {
    /// How the server answers, what breaks in the store and when, and what the poll must come to.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var kind: SourceKind
        /// A poll made before the store breaks (to have validators for a 304).
        var pollFirst = false
        var maxNew: Int?
        var operation = "INSERT"
        var table = "fetch_log"
        /// Article polls the listing must still make.
        var articles = 0
        /// Part of the report's error besides the store's.
        var alsoSays: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a page's first version cannot be stored", kind: .page),
        Case(name: "a page's HTTP 500 cannot be logged: the report says both", kind: .page, alsoSays: "HTTP 500"),
        Case(name: "a page's 304 cannot be logged", kind: .page, pollFirst: true),
        Case(name: "a list page cannot be recorded: no article is polled", kind: .list),
        Case(name: "a list page's 304 cannot be logged", kind: .list, pollFirst: true),
        Case(name: "a feed's HTTP 500 cannot be logged", kind: .feed, alsoSays: "HTTP 500"),
        Case(name: "a list page left with waiting links cannot be marked for a full fetch: the due article is still polled",
             kind: .list, maxNew: 1, operation: "UPDATE", table: "listing", articles: 1),
    ]

    @Test(arguments: cases)
    func reported(_ testCase: Case) async throws {
        let bench = try await IngestBench()
        defer { Task { await bench.close() } }
        let server = bench.server
        for n in 1...3 { server.page(path: "/art_\(n).html", body: IngestBench.article("文章\(n)"), etag: "\"a\(n)\"") }
        let failing = testCase.alsoSays == "HTTP 500"
        switch testCase.kind {
        case .feed:
            let items = (1...3).map { "<item><title>文章\($0)</title><link>\(server.url("/art_\($0).html"))</link></item>" }
            server.set(path: "/source", status: failing ? 500 : 200, headers: ["Content-Type": "application/rss+xml"],
                       body: "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>\(items.joined())</channel></rss>")
        case .list:
            server.page(path: "/source", body: IngestBench.listPage(3), etag: "\"list\"")
        default:
            if failing { server.set(path: "/source", status: 500, body: "oops") } else {
                server.page(path: "/source", body: IngestBench.article("通知"), etag: "\"page\"")
            }
        }
        let source = Source(id: "s", url: server.url("/source"), kind: testCase.kind, maxNew: testCase.maxNew)
        if testCase.pollFirst {
            #expect(await bench.pipeline.poll(source).succeeded)
            server.resetRecords()
        }
        try bench.breakStore(testCase.operation, on: testCase.table)

        let report = await bench.pipeline.poll(source)

        #expect(report.outcome == .error)
        #expect(report.storeFailed)
        #expect(report.error?.contains("injected store failure") == true, "\(report.error ?? "no error")")
        if let also = testCase.alsoSays { #expect(report.error?.contains(also) == true, "\(report.error ?? "no error")") }
        #expect(report.articles.count == testCase.articles)
        if testCase.articles == 0 { #expect(server.requests.allSatisfy { !$0.path.hasPrefix("/art_") }) }
        let logged = bench.logs.at(.error)
        #expect(logged.contains { $0.contains("injected store failure") && $0.contains(server.url("/source")) }, "\(logged)")
    }
}
