import DocWatchCore
import DocWatchPostgres
import DocWatchStore
import DocWatchTestSupport
import Foundation
import Testing

@Suite("PostgreSQL outbox and push cursors", .enabled(if: PostgresTestDatabase.isAvailable))
struct PostgresOutboxTests {
    @Test("two nodes draining one outbox at once each get every event exactly once, and only their own")
    func twoNodesDrainExactlyOnce() async throws {
        let database = try PostgresTestDatabase()
        let stores = [try database.open(node: "alpha"), try database.open(node: "beta")]
        let seqs = try PostgresRowFixtures(database).events(300)
        let drained = try await withThrowingTaskGroup(of: (String, [Int64]).self) { group in
            for store in stores {
                group.addTask {
                    var mine: [Int64] = []
                    while true {
                        let batch = try store.pendingEvents(limit: 7)
                        guard let last = batch.last?.event.seq else { break }
                        mine += batch.map(\.event.seq)
                        try store.markDelivered(through: last)
                    }
                    return (store.node, mine)
                }
            }
            var out: [String: [Int64]] = [:]
            for try await (node, mine) in group { out[node] = mine }
            return out
        }
        let alpha = drained["alpha"] ?? [], beta = drained["beta"] ?? []
        #expect((alpha + beta).sorted() == seqs, "every event written once")
        #expect(Set(alpha).isDisjoint(with: beta), "no event written by both")
        #expect(alpha == alpha.sorted() && beta == beta.sorted(), "each node writes its events in seq order")
        #expect(try stores[0].outboxBacklog() == 0)
        let nodes = try PostgresConnection(url: database.url).query("SELECT seq, node FROM outbox", operation: "read")
        for row in nodes {
            let seq = try #require(row.int64("seq"))
            #expect(row.string("node") == (alpha.contains(seq) ? "alpha" : "beta"))
        }
    }

    @Test("markDelivered marks only the calling node's events; a restarted node gets its claimed events back")
    func markDeliveredIsPerNodeAndClaimsSurviveARestart() throws {
        let database = try PostgresTestDatabase()
        let alpha = try database.open(node: "alpha"), beta = try database.open(node: "beta")
        let seqs = try PostgresRowFixtures(database).events(6)
        #expect(try alpha.pendingEvents(limit: 3).map(\.event.seq) == Array(seqs[0..<3]))
        #expect(try beta.pendingEvents(limit: 3).map(\.event.seq) == Array(seqs[3..<6]))
        try beta.markDelivered(through: seqs[5])
        #expect(try alpha.outboxBacklog() == 3, "beta's marking left alpha's events undelivered")
        // alpha "crashes" before writing; the same node name starting again gets the same events, and beta none of them.
        let restarted = try database.open(node: "alpha")
        #expect(try beta.pendingEvents(limit: 10).isEmpty)
        #expect(try restarted.pendingEvents(limit: 10).map(\.event.seq) == Array(seqs[0..<3]))
        // A limit counts the events already claimed: no more are taken while this node has enough.
        let more = try PostgresRowFixtures(database).events(2)
        #expect(try restarted.pendingEvents(limit: 3).map(\.event.seq) == Array(seqs[0..<3]))
        try restarted.markDelivered(through: seqs[1])
        #expect(try restarted.pendingEvents(limit: 3).map(\.event.seq) == [seqs[2]] + more)
        #expect(try beta.events(after: 0, limit: 100).map(\.event.seq) == seqs + more, "events(after:) reads every node's events")
    }

    @Test("events decode as on SQLite")
    func eventsDecodeAsOnSQLite() throws {
        let sqlite = try TemporaryDatabase()
        let database = try PostgresTestDatabase()
        let postgres = try database.open()
        let page = Pages.page("https://gov.example/a.html", text: "第一版。")
        var changed = page
        changed.document.text = "第二版，有改动。"
        changed.fetchedAt = page.fetchedAt.addingTimeInterval(60)
        _ = try sqlite.database.store(page)
        _ = try sqlite.database.store(changed)
        let expected = try sqlite.database.pendingEvents(limit: 10)
        // Copy SQLite's outbox rows as they are, column by column.
        let connection = try PostgresConnection(url: database.url)
        for event in expected {
            let e = event.event
            try connection.query("""
                INSERT INTO outbox (seq, time, type, source, url, document, version, content_hash, previous_hash, title, published,
                                    diff_added, diff_removed, diff, diff_detail)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
                """, [e.seq, try #require(Timestamp.parse(e.time)), e.type.rawValue, e.source, e.url, e.document, e.version,
                      e.contentHash, e.previousHash, e.title, e.published, e.diff?.added, e.diff?.removed, event.diffText,
                      e.diff.map { JSONText.encode($0) }], operation: "copy an event")
        }
        #expect(try postgres.pendingEvents(limit: 10) == expected)
    }

    @Test("advancing the sequence moves new events past a restored seq, and never back")
    func advanceOutboxSequence() throws {
        let database = try PostgresTestDatabase()
        let store = try database.open()
        let rows = try PostgresRowFixtures(database)
        #expect(try store.advanceOutboxSequence(past: 5) == 0)
        #expect(try rows.events(1) == [6])
        #expect(try store.advanceOutboxSequence(past: 3) == nil)
        #expect(try store.advanceOutboxSequence(past: 10) == 6)
        #expect(try rows.events(1) == [11])
    }

    @Test("push cursors: start at the end, batches filter and limit, advance only forward, backlogs, removal")
    func pushCursors() throws {
        let database = try PostgresTestDatabase()
        let store = try database.open()
        let rows = try PostgresRowFixtures(database)
        let old = try rows.events(2, source: "a")
        let cursors = try store.syncPushTargets(["hook", "script"], now: Pages.start)
        #expect(cursors == ["hook": old[1], "script": old[1]])
        #expect(try store.pushBatch(after: old[1], filter: PushFilter()).events.isEmpty)
        let a = try rows.events(3, source: "a"), b = try rows.events(2, source: "b")
        let limited = try store.pushBatch(after: old[1], filter: PushFilter(), limit: 2)
        #expect(limited.events.map(\.event.seq) == Array(a.prefix(2)))
        #expect(limited.scannedThrough == a[1])
        let onlyB = try store.pushBatch(after: old[1], filter: PushFilter(sources: ["b"]))
        #expect(onlyB.events.map(\.event.seq) == b)
        #expect(onlyB.scannedThrough == b.last)
        let noChanges = try store.pushBatch(after: old[1], filter: PushFilter(types: [.documentChanged]))
        #expect(noChanges.events.isEmpty && noChanges.scannedThrough == b.last)
        #expect(try store.pushBatch(after: 0, filter: PushFilter(sources: [])).events.isEmpty)
        try store.advancePushCursor(target: "hook", to: a[2])
        try store.advancePushCursor(target: "hook", to: a[0])
        #expect(try store.pushBacklogs() == [
            PushCursorState(target: "hook", seq: a[2], backlog: 2),
            PushCursorState(target: "script", seq: old[1], backlog: 5),
        ])
        #expect(try store.oldestPushCursor() == old[1])
        #expect(try store.syncPushTargets(["hook"], now: Pages.start) == ["hook": a[2]], "a known target keeps its cursor")
        _ = try store.syncPushTargets([], now: Pages.start)
        #expect(try store.oldestPushCursor() == nil)
    }
}
