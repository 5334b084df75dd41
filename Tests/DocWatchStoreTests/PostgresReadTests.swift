import DocWatchCore
import DocWatchPostgres
import DocWatchStore
import DocWatchTestSupport
import Foundation
import Testing

@Suite("PostgreSQL reads and upkeep", .enabled(if: PostgresTestDatabase.isAvailable))
struct PostgresReadTests {
    /// Document A with five versions (each with a fact, the last with an attachment), document B with one,
    /// in SQLite through `store` and in PostgreSQL as the same rows.
    static func fiveVersions() throws -> SearchTwins {
        let twins = try SearchTwins([])
        let rows = try PostgresRowFixtures(twins.postgresDatabase)
        for (index, text) in RetentionStoreTests.texts.enumerated() {
            var page = Pages.page(text: text, at: Double(index) * 86_400, facts: [Fact(kind: .docNumber, text: "甬党发〔2020〕\(index)号", offset: 0)])
            if index == 4 {
                page.attachments = [AttachmentRecord(url: "https://gov.example/a.pdf", name: "附件", type: .pdf, sha256: "sha256:01",
                                                     text: "附件正文。", textSimplified: "附件正文。", facts: [])]
            }
            _ = try twins.sqlite.database.store(page)
            if index == 0 { try rows.document(page) } else { try rows.version(page, document: 1, number: index + 1) }
        }
        let b = Pages.page("https://gov.example/b.html", title: "另一篇", text: "只有一版。")
        _ = try twins.sqlite.database.store(b)
        try rows.document(b)
        return twins
    }

    @Test("document, versionText, versionSnapshot, body and storeCounts read what SQLite reads")
    func documentReadsMatchSQLite() throws {
        let twins = try Self.fiveVersions()
        let sqlite = twins.sqlite.database, postgres = twins.postgres
        for reference in ["1", "https://gov.example/a.html", "https://gov.example/b.html", "https://gov.example/none.html", "99"] {
            #expect(try postgres.document(reference) == sqlite.document(reference), "\(reference)")
        }
        #expect(try postgres.versionText(document: 1, number: 3) == sqlite.versionText(document: 1, number: 3))
        #expect(try postgres.versionText(document: 1, number: 9) == nil)
        for number in [1, 5, 6] {
            #expect(try postgres.versionSnapshot(document: 1, number: number) == sqlite.versionSnapshot(document: 1, number: number))
        }
        let rawHash = Pages.page(text: RetentionStoreTests.texts[2]).rawHash
        #expect(try postgres.body(rawHash: rawHash) == sqlite.body(rawHash: rawHash))
        #expect(try postgres.body(rawHash: rawHash) != nil)
        #expect(try postgres.body(rawHash: "sha256:none") == nil)
        #expect(try postgres.storeCounts() == StoreCounts(documents: 2, versions: 6))
    }

    @Test("prune deletes and counts versions and bodies as on SQLite; a dry run counts the same and changes nothing")
    func pruneCountsMatchSQLite() throws {
        let twins = try Self.fiveVersions()
        let plans = [StorePrunePlan(keepVersions: 2), StorePrunePlan(rawBefore: Pages.start.addingTimeInterval(2.5 * 86_400)),
                     StorePrunePlan(keepVersions: 1, rawBefore: Pages.start.addingTimeInterval(10 * 86_400))]
        for plan in plans {
            let dry = try twins.postgres.prune(plan, dryRun: true)
            #expect(dry == (try twins.sqlite.database.prune(plan, dryRun: true)), "\(plan)")
            #expect(try twins.postgres.prune(plan, dryRun: false) == dry, "\(plan)")
            _ = try twins.sqlite.database.prune(plan, dryRun: false)
            #expect(try twins.postgres.prune(plan, dryRun: true) == StorePruneResult(), "nothing left to prune after \(plan)")
            #expect(try twins.postgres.document("1") == twins.sqlite.database.document("1"))
        }
        #expect(try twins.postgres.consistencyProblems() == [])
        #expect(try twins.postgres.storeCounts() == StoreCounts(documents: 2, versions: 2))
    }

    @Test("prune keeps delivered events a push target is still owed, and old fetch-log rows go")
    func pruneOutboxAndFetchLog() throws {
        let database = try PostgresTestDatabase()
        let store = try database.open()
        let rows = try PostgresRowFixtures(database)
        _ = try store.syncPushTargets(["hook"], now: Pages.start)
        let seqs = try rows.events(5, at: Pages.start)
        _ = try store.pendingEvents(limit: 10)
        try store.markDelivered(through: seqs[4])
        try store.advancePushCursor(target: "hook", to: seqs[2])
        for offset in [0.0, 60, 7200] {
            try rows.connection.query("INSERT INTO fetch_log (time, source, url, outcome) VALUES ($1, 's', 'https://gov.example/', 'new')",
                                      [Pages.start.addingTimeInterval(offset)], operation: "log")
        }
        let plan = StorePrunePlan(outboxBefore: Pages.start.addingTimeInterval(1), fetchLogBefore: Pages.start.addingTimeInterval(3600))
        var expected = StorePruneResult()
        expected.outboxRows = 3
        expected.fetchLogRows = 2
        #expect(try store.prune(plan, dryRun: true) == expected)
        #expect(try store.prune(plan, dryRun: false) == expected)
        #expect(try store.events(after: 0, limit: 10).map(\.event.seq) == Array(seqs[3...]))
        #expect(try store.fetchLog(FetchLogFilter()).count == 1)
    }

    @Test("fetchLog filters and orders as on SQLite; sourceHealth names the node holding or last polling a source")
    func fetchLogAndSourceHealth() throws {
        let database = try PostgresTestDatabase()
        let store = try database.open()
        let connection = try PostgresConnection(url: database.url)
        for (index, outcome) in ["new", "error", "unchanged", "new"].enumerated() {
            try connection.query("INSERT INTO fetch_log (time, source, url, status, outcome, bytes, ms, error) VALUES ($1, $2, $3, 200, $4, 10, 5, NULL)",
                                 [Pages.start.addingTimeInterval(Double(index)), index < 2 ? "a" : "b", "https://gov.example/\(index)", outcome],
                                 operation: "log")
        }
        #expect(try store.fetchLog(FetchLogFilter()).map(\.id) == [4, 3, 2, 1])
        #expect(try store.fetchLog(FetchLogFilter(afterID: 2)).map(\.id) == [3, 4])
        #expect(try store.fetchLog(FetchLogFilter(source: "a", outcome: .error)).map(\.entry.url) == ["https://gov.example/1"])
        #expect(try store.fetchLog(FetchLogFilter(since: Pages.start.addingTimeInterval(2), limit: 1)).map(\.id) == [4])
        #expect(try store.fetchLog(FetchLogFilter()).last?.entry
                == FetchLogEntry(time: Pages.start, source: "a", url: "https://gov.example/0", status: 200, outcome: .new, bytes: 10, ms: 5))
        try connection.script("""
            INSERT INTO source (id, kind, url, name, last_node, lease_node, last_success) VALUES
                ('b', 'page', 'https://b.example/', 'B', 'node-1', 'node-2', '2026-11-28 08:00:00+00'),
                ('a', 'list', 'https://a.example/', 'A', 'node-1', NULL, NULL),
                ('c', 'page', 'https://c.example/', 'C', NULL, NULL, NULL);
            UPDATE source SET removed = 1 WHERE id = 'c';
            """, operation: "add sources")
        let health = try store.sourceHealth(includeRemoved: false)
        #expect(health.map(\.id) == ["a", "b"])
        #expect(health.map(\.node) == ["node-1", "node-2"], "the lease holder, else the last node that polled")
        #expect(try store.sourceHealth(includeRemoved: true).map(\.id) == ["a", "b", "c"])
        #expect(try store.lastSuccesses().keys.sorted() == ["b"])
    }

    @Test("quickCheck passes on a current schema; backup says to use pg_dump; a lost search row is reported")
    func upkeep() throws {
        let twins = try Self.fiveVersions()
        try twins.postgres.quickCheck()
        let error = #expect(throws: StoreError.self) { try twins.postgres.backup(to: "/tmp/copy.sqlite") }
        #expect(error?.description.contains("pg_dump") == true)
        try PostgresConnection(url: twins.postgresDatabase.url).query("DELETE FROM document_search WHERE document = 2", operation: "break")
        #expect(try twins.postgres.consistencyProblems() == ["document 2 has no search row"])
    }
}
