import DocWatchCore
import DocWatchPostgres
import DocWatchStore
import DocWatchTestSupport
import Foundation
import Testing

@Suite("Recording polls and listings on PostgreSQL", .enabled(if: PostgresTestDatabase.isAvailable))
struct PostgresPollWriteTests {
    static let url = "https://gov.example/a.html"

    @Test("queued 304s are written first by the next write, and reading a queued URL's state writes them")
    func queuedPollsThenAWrite() throws {
        let postgres = try PostgresWriteDatabase()
        _ = try postgres.store.store(Pages.page(text: "正文。"))
        let later = Pages.start.addingTimeInterval(600)
        try postgres.store.queuePoll(FetchLogEntry(time: later, source: "s", url: Self.url, status: 304, outcome: .notModified),
                                     etag: "\"v2\"", lastModified: nil, flushAfter: 500)
        #expect(postgres.store.queuedPollCount == 1)
        #expect(try postgres.rows("SELECT count(*) AS n FROM fetch_log").first?.int("n") == 1)
        _ = try postgres.store.store(Pages.page("https://gov.example/b.html", text: "另一篇。", at: 700))
        #expect(postgres.store.queuedPollCount == 0)
        let log = try postgres.rows("SELECT outcome FROM fetch_log ORDER BY id").compactMap { $0.string("outcome") }
        #expect(log == ["new", "not_modified", "new"])

        try postgres.store.queuePoll(FetchLogEntry(time: later.addingTimeInterval(600), source: "s", url: Self.url, status: 304,
                                                   outcome: .notModified), etag: "\"v3\"", lastModified: "Mon", flushAfter: 500)
        let state = try #require(try postgres.store.documentState(url: Self.url))
        #expect(postgres.store.queuedPollCount == 0)
        #expect(state.etag == "\"v3\"" && state.lastModified == "Mon")
        #expect(state.lastSeen == later.addingTimeInterval(600))
        #expect(state.contentHash == Pages.page(text: "正文。").document.contentHash)
        #expect(try postgres.store.documentStates(urls: [Self.url, "https://gov.example/none"]).keys.sorted() == [Self.url])
    }

    @Test("recordSourcePoll releases this node's lease, names it the last poller and writes failing/recovered once")
    func sourcePollReleasesTheLease() throws {
        let postgres = try PostgresWriteDatabase(node: "node-a")
        try postgres.store.syncSources([Source(id: "s", url: "https://gov.example/"), Source(id: "t", url: "https://t.example/")])
        try postgres.connection.query("UPDATE source SET lease_node = 'node-a', lease_until = now() + interval '5 minutes'",
                                      operation: "lease")
        let due = Pages.start.addingTimeInterval(1800)
        let failing = try postgres.store.recordSourcePoll(source: "s", time: Pages.start, outcome: .error, error: "timeout", nextDue: due)
        #expect(failing != nil)
        #expect(try postgres.store.recordSourcePoll(source: "s", time: Pages.start, outcome: .error, error: "timeout", nextDue: nil) == nil)
        let row = try #require(try postgres.rows("SELECT * FROM source WHERE id = 's'").first)
        #expect(row.string("lease_node") == nil && row.date("lease_until") == nil && row.string("last_node") == "node-a")
        #expect(row.int("failures") == 2 && row.string("last_error") == "timeout" && row.date("next_due") == due)
        #expect(try postgres.rows("SELECT lease_node FROM source WHERE id = 't'").first?.string("lease_node") == "node-a")

        let events = try postgres.store.recordSourcePolls([
            SourcePoll(source: "s", time: Pages.start.addingTimeInterval(60), outcome: .new, error: nil),
            SourcePoll(source: "t", time: Pages.start.addingTimeInterval(60), outcome: .notModified, error: nil),
        ])
        #expect(events.count == 1)
        #expect(try postgres.events().map(\.type) == ["source.failing", "source.recovered"])
        let t = try #require(try postgres.rows("SELECT * FROM source WHERE id = 't'").first)
        #expect(t.string("lease_node") == nil && t.string("last_node") == "node-a" && t.date("last_success") == Pages.start.addingTimeInterval(60))
        #expect(try postgres.store.storedSchedules()["s"] == SourceSchedule(nextDue: due, failures: 0))
    }

    @Test("sources removed from the config are marked removed and leave the schedule")
    func syncSourcesMarksRemoved() throws {
        let postgres = try PostgresWriteDatabase()
        try postgres.store.syncSources(["a", "b", "c"].map { Source(id: $0, url: "https://\($0).example/") })
        try postgres.store.syncSources([Source(id: "b", name: "新名字", url: "https://b.example/new")])
        #expect(try postgres.store.storedSchedules().keys.sorted() == ["b"])
        let rows = try postgres.rows("SELECT id, name, url, removed FROM source ORDER BY id")
        #expect(rows.map { $0.int("removed") } == [1, 0, 1])
        #expect(rows[1].string("name") == "新名字" && rows[1].string("url") == "https://b.example/new")
    }

    @Test("the third 404 in a row writes document.gone once; pruning the fetch log counts what went")
    func missingAndPrune() throws {
        let postgres = try PostgresWriteDatabase()
        _ = try postgres.store.store(Pages.page(text: "正文。"))
        let seqs = try (1...4).map { try postgres.store.recordMissing(
            FetchLogEntry(time: Pages.start.addingTimeInterval(Double($0) * 60), source: "s", url: Self.url, status: 404, outcome: .error)) }
        #expect(seqs.map { $0 != nil } == [false, false, true, false])
        #expect(try postgres.events().last?.title == "江苏推进复工复产")
        #expect(try postgres.store.recordMissing(FetchLogEntry(time: Pages.start, source: "s", url: "https://gov.example/none", outcome: .error)) == nil)
        #expect(try postgres.store.pruneFetchLog(before: Pages.start.addingTimeInterval(150)) == 4)
        #expect(try postgres.rows("SELECT count(*) AS n FROM fetch_log").first?.int("n") == 2)
    }

    @Test("listings keep their validators, forget them on request; known documents and rechecks read back")
    func listings() throws {
        let postgres = try PostgresWriteDatabase()
        let list = "https://gov.example/list.html"
        #expect(try postgres.store.listingState(url: list) == nil)
        let state = ListingState(etag: "\"l1\"", lastModified: "Tue", rawHash: "sha256:l")
        try postgres.store.recordListing(FetchLogEntry(time: Pages.start, source: "s", url: list, status: 200, outcome: .listed),
                                         state: state, links: 12)
        #expect(try postgres.store.listingState(url: list) == state)
        try postgres.store.forgetListingHash(url: list)
        #expect(try postgres.store.listingState(url: list) == ListingState(etag: nil, lastModified: nil, rawHash: nil))

        var hinted = Pages.page("https://gov.example/1.html", text: "一。")
        hinted.hint = "2020-04-15"
        _ = try postgres.store.store(hinted)
        _ = try postgres.store.store(Pages.page("https://gov.example/2.html", text: "二。", at: 60))
        _ = try postgres.store.store(Pages.page("https://gov.example/3.html", text: "三。", at: 120))
        let known = try postgres.store.knownDocuments(["https://gov.example/1.html", "https://gov.example/2.html", "https://gov.example/x.html"])
        #expect(known.count == 2 && known["https://gov.example/1.html"] == .some("2020-04-15") && known["https://gov.example/2.html"] == .some(nil))
        #expect(try postgres.store.documentsToRecheck(source: "s", lastSeenBefore: Pages.start.addingTimeInterval(100), limit: 10)
            == ["https://gov.example/1.html", "https://gov.example/2.html"])
        #expect(try postgres.store.documentsToRecheck(source: "s", lastSeenBefore: Pages.start.addingTimeInterval(500),
                                                      firstSeenAfter: Pages.start.addingTimeInterval(30), limit: 1) == ["https://gov.example/2.html"])
    }
}
