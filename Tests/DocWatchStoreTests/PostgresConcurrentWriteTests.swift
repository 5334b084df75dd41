import DocWatchCore
import DocWatchPostgres
import DocWatchStore
import DocWatchTestSupport
import Foundation
import Testing

@Suite("Two nodes writing one PostgreSQL database", .enabled(if: PostgresTestDatabase.isAvailable))
struct PostgresConcurrentWriteTests {
    /// Each case: what the two nodes store under one new URL at the same moment.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var texts: [String]
        var outcomes: Set<FetchOutcome>
        var versions: [Int]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "same content: one new, one unchanged", texts: ["同一篇。", "同一篇。"], outcomes: [.new, .unchanged], versions: [1, 1]),
        Case(name: "other content: one new, one changed", texts: ["甲稿。", "乙稿。"], outcomes: [.new, .changed], versions: [1, 2]),
    ]

    @Test("the same new URL stored by two nodes at once is one document with consecutive versions", arguments: cases)
    func sameURLFromTwoNodes(_ scenario: Case) throws {
        let database = try PostgresTestDatabase()
        let stores = [try database.open(node: "node-a"), try database.open(node: "node-b")]
        let connection = try PostgresConnection(url: database.url)
        for round in 0..<20 {
            let url = "https://gov.example/\(round).html"
            let results = Results()
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                let page = Pages.page(url, text: "第\(round)轮：" + scenario.texts[index], at: Double(index))
                results.add(Result { () throws(StoreError) in try stores[index].store(page) })
            }
            let stored = try results.all.map { try $0.get() }
            #expect(Set(stored.map(\.outcome)) == scenario.outcomes)
            #expect(stored.map(\.version).sorted() == scenario.versions)
            #expect(Set(stored.map(\.documentID)).count == 1)
            let documents = try connection.query("SELECT count(*) AS n FROM document WHERE url = $1", [url], operation: "count")
            #expect(documents.first?.int("n") == 1)
        }
        let events = try connection.query("SELECT type, count(*) AS n FROM outbox GROUP BY type ORDER BY type", operation: "count events")
        let expectedChanged = scenario.outcomes.contains(.changed) ? 20 : 0
        #expect(events.first { $0.string("type") == "document.new" }?.int("n") == 20)
        #expect(events.first { $0.string("type") == "document.changed" }?.int("n") ?? 0 == expectedChanged)
    }

    @Test("two URLs with the same content stored at once make one original and one duplicate")
    func sameContentTwoURLs() throws {
        let database = try PostgresTestDatabase()
        let stores = [try database.open(node: "node-a"), try database.open(node: "node-b")]
        for round in 0..<10 {
            let results = Results()
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                let page = Pages.page("https://site\(index).example/\(round).html", text: "第\(round)篇转载的同一篇文章。")
                results.add(Result { () throws(StoreError) in try stores[index].store(page) })
            }
            #expect(try results.all.map { try $0.get().outcome }.sorted { $0.rawValue < $1.rawValue } == [.duplicate, .new])
        }
    }
}

/// Results gathered from concurrent threads.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<StoreResult, StoreError>] = []

    func add(_ result: Result<StoreResult, StoreError>) {
        lock.lock()
        results.append(result)
        lock.unlock()
    }

    var all: [Result<StoreResult, StoreError>] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}
