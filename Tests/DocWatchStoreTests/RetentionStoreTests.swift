import DocWatchCore
import DocWatchStore
import Foundation
import Testing

@Suite("Store retention")
struct RetentionStoreTests {
    static let texts = ["第一版正文。", "第二版正文。", "第三版正文。", "第四版正文。", "第五版修订稿。"]

    /// Document A with five versions (each with a fact), document B with one.
    static func fiveVersions(_ backend: StoreBackend) throws -> TestStore {
        let store = try backend.open()
        for (index, text) in texts.enumerated() {
            _ = try store.database.store(Pages.page(
                text: text, at: Double(index) * 86_400,
                facts: [Fact(kind: .docNumber, text: "甬党发〔2020〕\(index)号", offset: 0)]))
        }
        _ = try store.database.store(Pages.page("https://gov.example/b.html", title: "另一篇", text: "只有一版。"))
        return store
    }

    @Test("keep_versions = 2 leaves the newest two, the store consistent, search and diff working", arguments: StoreBackend.available)
    func keepTwoVersions(_ backend: StoreBackend) throws {
        let store = try Self.fiveVersions(backend)
        let result = try store.database.prune(StorePrunePlan(keepVersions: 2), dryRun: false)

        #expect(result.versions == 3)
        #expect(result.bodies == 3, "the three deleted versions' bodies, referenced by nothing else")
        let a = try #require(try store.database.document("https://gov.example/a.html"))
        #expect(a.versions.map(\.number).sorted() == [4, 5])
        #expect(a.currentVersion == 5)
        #expect(try store.database.document("https://gov.example/b.html")?.versions.count == 1)
        #expect(try store.database.consistencyProblems() == [])
        #expect(try store.database.search(SearchRequest(text: "修订")).map(\.url) == ["https://gov.example/a.html"])
        #expect(try store.database.versionSnapshot(document: a.id, number: 4) != nil)
        #expect(try store.database.versionSnapshot(document: a.id, number: 3) == nil)
    }

    @Test("a dry run counts the same and changes nothing", arguments: StoreBackend.available)
    func dryRun(_ backend: StoreBackend) throws {
        let store = try Self.fiveVersions(backend)
        let dry = try store.database.prune(StorePrunePlan(keepVersions: 2), dryRun: true)
        #expect(try store.database.document("https://gov.example/a.html")?.versions.count == 5)
        let real = try store.database.prune(StorePrunePlan(keepVersions: 2), dryRun: false)
        #expect(dry == real)
        #expect(try store.database.prune(StorePrunePlan(keepVersions: 2), dryRun: false) == StorePruneResult())
    }

    @Test("keep_raw empties old bodies but keeps a body a recent version shares; text and search still work", arguments: StoreBackend.available)
    func keepRaw(_ backend: StoreBackend) throws {
        let store = try Self.fiveVersions(backend)
        let a = try #require(try store.database.document("https://gov.example/a.html"))
        let rawHashes = Self.texts.map { Pages.page(text: $0).rawHash }
        // Versions 1…5 were fetched on days 0…4; B on day 0. Cut off after day 2.
        let result = try store.database.prune(StorePrunePlan(rawBefore: Pages.start.addingTimeInterval(2.5 * 86_400)), dryRun: false)

        #expect(result.bodies == 4, "A's versions 1, 2, 3 and B's only version")
        #expect(result.bodyBytes > 0)
        #expect(try store.database.body(rawHash: rawHashes[0]) == nil)
        #expect(try store.database.body(rawHash: rawHashes[4]) != nil)
        #expect(try store.database.versionText(document: a.id, number: 1) == Self.texts[0])
        #expect(try store.database.search(SearchRequest(text: "只有")).map(\.url) == ["https://gov.example/b.html"])
        #expect(try store.database.consistencyProblems() == [])
    }

    @Test("a dropped body fetched again gets its bytes back", arguments: StoreBackend.available)
    func droppedBodyRefilled(_ backend: StoreBackend) throws {
        let store = try backend.open()
        let page = Pages.page(text: "正文。")
        _ = try store.database.store(page)
        _ = try store.database.prune(StorePrunePlan(rawBefore: Pages.start.addingTimeInterval(60)), dryRun: false)
        #expect(try store.database.body(rawHash: page.rawHash) == nil)
        _ = try store.database.store(Pages.page("https://gov.example/copy.html", text: "正文。"))
        #expect(try store.database.body(rawHash: page.rawHash) != nil)
    }

    @Test("delivered outbox rows older than the cutoff go; undelivered ones stay whatever their age", arguments: StoreBackend.available)
    func outbox(_ backend: StoreBackend) throws {
        let store = try Self.fiveVersions(backend)
        let events = try store.database.pendingEvents()
        try store.database.markDelivered(through: events[2].event.seq)
        let result = try store.database.prune(StorePrunePlan(outboxBefore: Pages.start.addingTimeInterval(10 * 86_400)), dryRun: false)
        #expect(result.outboxRows == 3)
        #expect(try store.database.pendingEvents().map(\.event.seq) == events.dropFirst(3).map(\.event.seq))
    }
}
