import DocWatchCore
import DocWatchPostgres
import DocWatchStore
import DocWatchTestSupport
import Foundation
import Testing

@Suite("Storing versions on PostgreSQL", .enabled(if: PostgresTestDatabase.isAvailable))
struct PostgresVersionWriteTests {
    /// new → unchanged → changed → duplicate under another URL → back to the first content (A → B → A).
    static let history: [IngestedPage] = [
        Pages.page(text: "第一段。\n第二段。"),
        Pages.page(text: "第一段。\n第二段。", body: "<p>第一段。第二段。</p><span>阅读 11</span>", at: 60),
        Pages.page(text: "第一段。\n新增一句话。\n第二段。", at: 120),
        Pages.page("https://mirror.example/copy.html", text: "第一段。\n新增一句话。\n第二段。", at: 180),
        Pages.page(text: "第一段。\n第二段。", at: 240),
    ]

    @Test("new, unchanged, changed, duplicate and revisited give SQLite's outcomes, versions, events and diffs")
    func historyMatchesSQLite() throws {
        let postgres = try PostgresWriteDatabase()
        let sqlite = try TemporaryDatabase()
        let results = try Self.history.map { try postgres.store.store($0) }
        let expected = try Self.history.map { try sqlite.database.store($0) }
        #expect(results.map(\.outcome) == [.new, .unchanged, .changed, .duplicate, .changed])
        #expect(results.map(\.outcome) == expected.map(\.outcome))
        #expect(results.map(\.version) == expected.map(\.version))
        #expect(results.map { $0.eventSeq != nil } == expected.map { $0.eventSeq != nil })

        let events = try postgres.events()
        let sqliteEvents = try sqlite.database.pendingEvents()
        #expect(events.map(\.type) == ["document.new", "document.changed", "document.changed"])
        #expect(events.map(\.type) == sqliteEvents.map(\.event.type.rawValue))
        #expect(events.map(\.version) == sqliteEvents.map(\.event.version))
        #expect(events.map(\.contentHash) == sqliteEvents.map(\.event.contentHash))
        #expect(events.map(\.previousHash) == sqliteEvents.map(\.event.previousHash))
        #expect(events.map(\.diffAdded) == sqliteEvents.map { $0.event.diff?.added })
        #expect(events.map(\.diffRemoved) == sqliteEvents.map { $0.event.diff?.removed })
        #expect(events.map(\.diffText) == sqliteEvents.map(\.diffText))
        #expect(events[1].diffText?.contains("+新增一句话。") == true)
        #expect(events[1].diffDetail.flatMap { JSONDecoder.decodeDiff($0) } == sqliteEvents[1].event.diff.map { var d = $0; d.file = ""; return d })
        #expect(events.allSatisfy { $0.node == nil })

        let document = try #require(try postgres.rows("SELECT * FROM document WHERE url = $1", [Pages.page(text: "").url]).first)
        #expect(document.int("missing_count") == 0)
        let versions = try postgres.rows("SELECT number FROM version WHERE document = $1 ORDER BY number", [results[0].documentID])
        #expect(versions.compactMap { $0.int("number") } == [1, 2])
        let current = try postgres.rows("SELECT v.number FROM document d JOIN version v ON v.id = d.current_version WHERE d.id = $1",
                                        [results[0].documentID])
        #expect(current.first?.int("number") == 1)
        let copy = try postgres.rows("SELECT duplicate_of FROM document WHERE id = $1", [results[3].documentID])
        #expect(copy.first?.int64("duplicate_of") == results[0].documentID)
        let log = try postgres.rows("SELECT outcome FROM fetch_log ORDER BY id").compactMap { $0.string("outcome") }
        #expect(log == ["new", "unchanged", "changed", "duplicate", "changed"])
    }

    @Test("the raw body is stored once, compressed, and an emptied body gets its bytes back")
    func bodyRefilled() throws {
        let postgres = try PostgresWriteDatabase()
        let page = Pages.page(text: "正文。", body: "<html>原始字节</html>")
        _ = try postgres.store.store(page)
        try postgres.connection.query("UPDATE body SET data = ''::bytea", operation: "empty the body")
        _ = try postgres.store.store(Pages.page("https://gov.example/b.html", text: "另一篇。", body: "<html>原始字节</html>"))
        let data = try #require(try postgres.rows("SELECT data FROM body WHERE raw_hash = $1", [page.rawHash]).first?.bytes("data"))
        #expect(try BodyCodec.decompress(data) == Array("<html>原始字节</html>".utf8))
    }

    @Test("facts and attachments are stored per version; currentAttachments gives them back with their facts")
    func attachmentsAndFacts() throws {
        let postgres = try PostgresWriteDatabase()
        let fact = Fact(kind: .percent, text: "99.7%", offset: 10, value: 99.7, subject: "复工面")
        let attachmentFact = Fact(kind: .quantity, text: "120万千瓦", offset: 2, value: 1_200_000, unit: "千瓦")
        var page = Pages.page(text: "规模以上工业企业复工面99.7%。", facts: [fact])
        page.attachments = [AttachmentRecord(
            url: "https://gov.example/a.pdf", name: "附件1", type: .pdf, sha256: "sha256:1", text: "产能120万千瓦",
            textSimplified: "产能120万千瓦", facts: [attachmentFact], etag: "\"a1\"")]
        let result = try postgres.store.store(page)
        #expect(try postgres.store.currentAttachments(document: result.documentID) == page.attachments)
        #expect(try postgres.store.currentAttachments(document: 999) == [])
        let facts = try postgres.rows("SELECT kind, text, attachment FROM fact ORDER BY id")
        #expect(facts.map { $0.string("kind") } == ["percent", "quantity"])
        #expect(facts[0].int64("attachment") == nil && facts[1].int64("attachment") != nil)

        // Unchanged content with a new attachment validator refreshes it in place.
        page.fetchedAt += 60
        page.attachments[0].etag = "\"a2\""
        #expect(try postgres.store.store(page).outcome == .unchanged)
        #expect(try postgres.store.currentAttachments(document: result.documentID).first?.etag == "\"a2\"")
    }

    @Test("a batch stores every page in one transaction and a failing page leaves none")
    func batchAllOrNone() throws {
        let postgres = try PostgresWriteDatabase()
        let pages = (0..<5).map { Pages.page("https://gov.example/\($0).html", text: "第\($0)篇文章的正文。", at: Double($0)) }
        #expect(try postgres.store.store(batch: pages).map(\.outcome) == Array(repeating: .new, count: 5))
        // An offset past PostgreSQL's integer column fails the second page's insert.
        let broken = Pages.page("https://gov.example/broken.html", text: "坏的。",
                                facts: [Fact(kind: .percent, text: "1%", offset: Int(Int32.max) + 1, value: 1)])
        #expect(throws: StoreError.self) {
            try postgres.store.store(batch: [Pages.page("https://gov.example/new.html", text: "新的。"), broken])
        }
        #expect(try postgres.rows("SELECT count(*) AS n FROM document").first?.int("n") == 5)
    }

    @Test("a near duplicate (one sentence changed) is linked both ways with its SimHash distance")
    func nearDuplicatesLinked() throws {
        let postgres = try PostgresWriteDatabase()
        let paragraphs = (1...8).map { "第\($0)段：江苏省工业和信息化厅召开全省工业经济运行调度会议，部署推进复工复产工作，确保规模以上工业企业全面复工。" }
        let first = try postgres.store.store(Pages.page(text: paragraphs.joined(separator: "\n")))
        var edited = paragraphs
        edited[3] = "第4段：这一段在转载时被改写了。"
        let second = try postgres.store.store(Pages.page("https://news.example/repost.html", text: edited.joined(separator: "\n"), at: 60))
        #expect(second.outcome == .new)
        let links = try postgres.rows("SELECT document, other FROM near_duplicate ORDER BY document")
        #expect(links.map { [$0.int64("document"), $0.int64("other")] } == [[first.documentID, second.documentID], [second.documentID, first.documentID]])
    }
}

extension JSONDecoder {
    static func decodeDiff(_ text: String) -> ChangeEvent.DiffSummary? {
        try? JSONDecoder().decode(ChangeEvent.DiffSummary.self, from: Data(text.utf8))
    }
}
