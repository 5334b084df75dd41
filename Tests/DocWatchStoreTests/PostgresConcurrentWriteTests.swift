import DocWatchCore
import DocWatchPostgres
import DocWatchStore
import DocWatchTestSupport
import Foundation
import Testing

/// Two nodes storing at the very same moment. A third session holds a SHARE lock on `document`, which lets
/// both stores look the URL up (and lock what exists) but holds back their inserts until both are
/// waiting; then it lets go, so the race the nodes could lose happens every time, not by luck.
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

    @Test("the same new URL stored by two nodes at once is one document with consecutive versions, no unique violation", arguments: cases)
    func sameURLFromTwoNodes(_ scenario: Case) throws {
        let database = try PostgresTestDatabase()
        let stores = [try database.open(node: "node-a"), try database.open(node: "node-b")]
        let connection = try PostgresConnection(url: database.url)
        let url = "https://gov.example/a.html"
        let results = try Self.race(database) { (index) throws(StoreError) in
            try stores[index].store(Pages.page(url, text: scenario.texts[index], body: Self.body(scenario.texts[index], index), at: Double(index)))
        }
        let stored = try results.map { try $0.get() }
        #expect(Set(stored.map(\.outcome)) == scenario.outcomes)
        #expect(stored.map(\.version).sorted() == scenario.versions)
        #expect(Set(stored.map(\.documentID)).count == 1)
        #expect(try connection.query("SELECT count(*) AS n FROM document", operation: "count").first?.int("n") == 1)
        let events = try connection.query("SELECT type FROM outbox ORDER BY seq", operation: "events").compactMap { $0.string("type") }
        #expect(events == (scenario.outcomes.contains(.changed) ? ["document.new", "document.changed"] : ["document.new"]))
    }

    @Test("two URLs with the same content stored at once make one original and one duplicate")
    func sameContentTwoURLs() throws {
        let database = try PostgresTestDatabase()
        let stores = [try database.open(node: "node-a"), try database.open(node: "node-b")]
        let results = try Self.race(database) { (index) throws(StoreError) in
            let text = "转载的同一篇文章。"
            return try stores[index].store(Pages.page("https://site\(index).example/a.html", text: text, body: Self.body(text, index)))
        }
        #expect(try results.map { try $0.get().outcome }.sorted { $0.rawValue < $1.rawValue } == [.duplicate, .new])
    }

    /// A body of its own for each node (a view counter), so the two stores do not already wait for each
    /// other on the same `body` row before they reach the document.
    static func body(_ text: String, _ node: Int) -> String {
        "<p>\(text)</p><span>阅读 \(node)</span>"
    }

    /// Runs `store(0)` and `store(1)` on two threads while inserts into `document` are held back, and lets
    /// them go once both sessions wait for a lock.
    static func race(
        _ database: PostgresTestDatabase, _ store: @escaping @Sendable (Int) throws(StoreError) -> StoreResult
    ) throws -> [Result<StoreResult, StoreError>] {
        let blocker = try PostgresConnection(url: database.url)
        try blocker.script("BEGIN; LOCK TABLE document IN SHARE MODE", operation: "hold inserts")
        let results = Results()
        let group = DispatchGroup()
        for index in 0..<2 {
            DispatchQueue.global().async(group: group) { results.add(Result { () throws(StoreError) in try store(index) }) }
        }
        let deadline = Date().addingTimeInterval(20)
        var waiting = 0
        while waiting < 2 && Date() < deadline {
            waiting = try blocker.query("""
                SELECT count(*) AS n FROM pg_locks WHERE NOT granted
                AND pid IN (SELECT pid FROM pg_stat_activity WHERE datname = current_database())
                """, operation: "count waiting sessions").first?.int("n") ?? 0
            if waiting < 2 { usleep(5_000) }
        }
        try blocker.script("COMMIT", operation: "let inserts go")
        group.wait()
        #expect(waiting == 2, "both stores should have been waiting for a lock")
        return results.all
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
