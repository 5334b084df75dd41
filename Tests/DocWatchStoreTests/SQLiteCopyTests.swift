import DocWatchCore
import DocWatchPostgres
import DocWatchStore
import DocWatchTestSupport
import Foundation
import Testing

/// A SQLite database with something in every table: a new page with facts, a changed page, a duplicate,
/// a page with an attachment, a listing, delivered and pending events, a push cursor, a source's health.
struct FilledSQLite {
    let store: TemporaryDatabase
    var database: DocWatchDatabase { store.database }
    static let attachmentText = "附件正文：光伏装机容量120万千瓦"

    init() throws {
        store = try TemporaryDatabase()
        try database.syncSources([Source(id: "s", url: "https://gov.example/"), Source(id: "t", url: "https://news.example/")])
        _ = try database.store(Pages.page(text: "宁波市复工率达到99.7%。", facts: [Fact(kind: .percent, text: "99.7%", offset: 7, value: 99.7)]))
        _ = try database.store(Pages.page(text: "宁波市复工率达到100%。", at: 60))
        _ = try database.store(Pages.page("https://news.example/repost.html", text: "宁波市复工率达到100%。", at: 120, source: "t"))
        let attachment = AttachmentRecord(url: "https://gov.example/plan.pdf", name: "实施方案", type: .pdf, sha256: "sha256:ab",
                                          text: Self.attachmentText, textSimplified: Self.attachmentText,
                                          facts: [Fact(kind: .percent, text: "120万千瓦", offset: 9)], etag: "\"p1\"")
        var withFile = Pages.page("https://gov.example/b.html", title: "能源规划", text: "见附件。", at: 180)
        withFile.attachments = [attachment]
        _ = try database.store(withFile)
        try database.recordListing(FetchLogEntry(time: Pages.start, source: "s", url: "https://gov.example/", status: 200, outcome: .unchanged),
                                   state: ListingState(etag: "\"l\"", lastModified: nil, rawHash: "sha256:list"), links: 3)
        _ = try database.recordSourcePoll(source: "s", time: Pages.start, outcome: .new, error: nil, nextDue: Pages.start.addingTimeInterval(600))
        let events = try database.pendingEvents()
        try database.markDelivered(through: try #require(events.first).event.seq)
        _ = try database.syncPushTargets(["hook"], now: Pages.start)
        try database.advancePushCursor(target: "hook", to: try #require(events.first).event.seq)
    }
}

@Suite("SQLite to PostgreSQL copy", .enabled(if: PostgresTestDatabase.isAvailable))
struct SQLiteCopyTests {
    static func rows(_ url: String, _ sql: String, _ parameters: [any PostgresBindable] = []) throws -> [PostgresRow] {
        try PostgresConnection(url: url).query(sql, parameters, operation: "test")
    }

    @Test func everyTableArrivesWithItsRowCount() throws {
        let sqlite = try FilledSQLite()
        let target = try PostgresTestDatabase()
        let copied = try SQLiteCopy(from: sqlite.database, to: target.url).run()
        let expected = try sqlite.database.export { (export) throws(StoreError) -> [String: Int] in
            var counts: [String: Int] = [:]
            for table in ["source", "fetch_log", "body", "document", "version", "attachment", "fact", "simhash_band",
                          "near_duplicate", "paragraph_hash", "outbox", "listing", "push_cursor"] {
                counts[table] = try export.count(table)
            }
            return counts
        }
        for (table, count) in expected {
            #expect(try Self.rows(target.url, "SELECT COUNT(*) AS n FROM \(table)").first?.int("n") == count, "\(table)")
            #expect(copied.first { $0.table == table }?.rows == count, "\(table) reported")
        }
        // Something in every table that the fixture fills (a copy of nothing would pass the counts).
        for table in ["source", "fetch_log", "body", "document", "version", "attachment", "fact", "outbox", "listing", "push_cursor"] {
            #expect((expected[table] ?? 0) > 0, "\(table) is filled")
        }
    }

    @Test func idsSeqsDeliveredFlagsAndDuplicateLinksAreKept() throws {
        let sqlite = try FilledSQLite()
        let target = try PostgresTestDatabase()
        _ = try SQLiteCopy(from: sqlite.database, to: target.url).run()
        let events = try Self.rows(target.url, "SELECT seq, delivered, type FROM outbox ORDER BY seq")
        let stored = try sqlite.database.pendingEvents().map(\.event.seq)
        #expect(events.compactMap { $0.int64("seq") }.count == stored.count + 1)
        #expect(events.first?.int("delivered") == 1)
        #expect(events.dropFirst().allSatisfy { $0.int("delivered") == 0 })
        #expect(Array(events.dropFirst().compactMap { $0.int64("seq") }) == stored)
        let repost = try Self.rows(target.url, """
            SELECT d.duplicate_of, o.id AS original FROM document d JOIN document o ON o.url = 'https://gov.example/a.html'
            WHERE d.url = 'https://news.example/repost.html'
            """)
        #expect(repost.first?.int64("duplicate_of") == repost.first?.int64("original"))
        let cursor = try Self.rows(target.url, "SELECT seq FROM push_cursor WHERE target = 'hook'")
        let sqliteCursor = try sqlite.database.pushBacklogs().first { $0.target == "hook" }?.seq
        #expect(cursor.first?.int64("seq") == sqliteCursor)
        let versions = try Self.rows(target.url, """
            SELECT v.number, v.fetched_at FROM version v JOIN document d ON d.id = v.document
            WHERE d.url = 'https://gov.example/a.html' ORDER BY v.number
            """)
        #expect(versions.map { $0.int("number") } == [1, 2])
        #expect(versions.last?.date("fetched_at") == Pages.start.addingTimeInterval(60))
    }

    @Test func aBodyArrivesByteForByte() throws {
        let sqlite = try FilledSQLite()
        let target = try PostgresTestDatabase()
        _ = try SQLiteCopy(from: sqlite.database, to: target.url).run()
        let hash = try #require(try sqlite.database.document("https://gov.example/b.html")?.versions.last).rawHash
        // The stored bytes (compressed), exactly as SQLite holds them.
        let original = try sqlite.database.export { (export) throws(StoreError) -> ExportValue? in
            var found: ExportValue?
            try export.forEachBatch(table: "body", orderBy: "raw_hash", batch: 10) { (batch) throws(StoreError) in
                if let row = batch.first(where: { $0["raw_hash"] == .text(hash) }) { found = row["data"] }
            }
            return found
        }
        guard case .blob(let bytes)? = original else { Issue.record("no body \(hash)"); return }
        let copied = try Self.rows(target.url, "SELECT data FROM body WHERE raw_hash = $1", [hash])
        #expect(copied.first?.bytes("data") == bytes)
        #expect(bytes.count > 4)
    }

    @Test func newRowsContinueAfterTheCopiedIdsAndPastSeqsSQLiteHandedOut() throws {
        let sqlite = try FilledSQLite()
        // Seqs up to 40 were handed out (their rows pruned, the change files keep them): never reuse them.
        _ = try sqlite.database.advanceOutboxSequence(past: 40)
        let target = try PostgresTestDatabase()
        _ = try SQLiteCopy(from: sqlite.database, to: target.url).run()
        let nextSeq = try Self.rows(target.url, "SELECT nextval(pg_get_serial_sequence('outbox', 'seq')) AS n").first?.int64("n")
        #expect(nextSeq == 41)
        let top = try Self.rows(target.url, "SELECT MAX(id) AS top FROM document").first?.int64("top") ?? 0
        let nextDocument = try Self.rows(target.url, "SELECT nextval(pg_get_serial_sequence('document', 'id')) AS n").first?.int64("n")
        #expect(nextDocument == top + 1)
    }

    @Test func searchTermsAreBuiltForEachIndexedDocumentIncludingAttachmentText() throws {
        let sqlite = try FilledSQLite()
        let target = try PostgresTestDatabase()
        let copied = try SQLiteCopy(from: sqlite.database, to: target.url).run()
        // Two documents are indexed; the repost is a duplicate and, as in SQLite, is not.
        #expect(copied.last == SQLiteCopy.Copied(table: "document_search", rows: 2))
        let found = try Self.rows(target.url, """
            SELECT d.url FROM document_search s JOIN document d ON d.id = s.document
            WHERE s.terms @@ to_tsquery('simple', '光伏 <-> 伏装')
            """)
        #expect(found.compactMap { $0.string("url") } == ["https://gov.example/b.html"])
        let titleWeight = try Self.rows(target.url, """
            SELECT COUNT(*) AS n FROM document_search WHERE terms @@ to_tsquery('simple', '能源:A')
            """)
        #expect(titleWeight.first?.int("n") == 1)
    }

    @Test func aTargetThatHoldsRowsIsRefusedAndKeepsThem() throws {
        let sqlite = try FilledSQLite()
        let target = try PostgresTestDatabase()
        _ = try SQLiteCopy(from: sqlite.database, to: target.url).run()
        let error = #expect(throws: StoreError.self) { try SQLiteCopy(from: sqlite.database, to: target.url).run() }
        #expect(error?.description.contains("not empty") == true)
        #expect(try Self.rows(target.url, "SELECT COUNT(*) AS n FROM document").first?.int("n") == 3)
    }
}

@Suite("SQLite export")
struct SQLiteExportTests {
    @Test func batchesHoldEveryRowOnceWithTypedValues() throws {
        let sqlite = try FilledSQLite()
        var batches: [[[String: ExportValue]]] = []
        try sqlite.database.export { (export) throws(StoreError) in
            try export.forEachBatch(table: "fetch_log", orderBy: "id", batch: 2) { (batch) throws(StoreError) in batches.append(batch) }
        }
        let ids = batches.flatMap { $0 }.compactMap { row -> Int64? in
            if case .integer(let id)? = row["id"] { return id }
            return nil
        }
        #expect(ids == ids.sorted() && Set(ids).count == ids.count && ids.count >= 4)
        #expect(batches.dropLast().allSatisfy { $0.count == 2 })
        let bodies = try sqlite.database.export { (export) throws(StoreError) -> [ExportValue] in
            var data: [ExportValue] = []
            try export.forEachBatch(table: "body", orderBy: "raw_hash", batch: 10) { (batch) throws(StoreError) in
                data += batch.compactMap { $0["data"] }
            }
            return data
        }
        #expect(bodies.allSatisfy { if case .blob = $0 { true } else { false } })
    }

    @Test func aFailureInTheBatchHandlerStopsTheReadAndIsThrown() throws {
        let sqlite = try FilledSQLite()
        var calls = 0
        let error = #expect(throws: StoreError.self) {
            try sqlite.database.export { (export) throws(StoreError) in
                try export.forEachBatch(table: "fetch_log", orderBy: "id", batch: 1) { (_) throws(StoreError) in
                    calls += 1
                    if calls == 2 { throw StoreError(operation: "write the copy", message: "target failed") }
                }
            }
        }
        #expect(error?.description == "cannot write the copy: target failed")
        #expect(calls == 2)
    }

    @Test func migrateReportsWhatItAppliedThenNothing() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("docwatch-migrate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("db.sqlite").path
        #expect(try DocWatchDatabase.migrate(path: path) == DocWatchDatabase.migrationNames)
        #expect(try DocWatchDatabase.migrate(path: path) == [])
    }
}
