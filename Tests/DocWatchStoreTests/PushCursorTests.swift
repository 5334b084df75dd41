import DocWatchCore
import DocWatchStore
import Foundation
import Testing

@Suite("Push cursors")
struct PushCursorTests {
    /// Stores `count` new documents of `source` (one `document.new` event each) and returns their seqs.
    @discardableResult
    private func newDocuments(_ database: any DocumentStore, _ count: Int, source: String = "s", from start: Int = 0) throws -> [Int64] {
        try (start..<start + count).map { index in
            _ = try database.store(Pages.page("https://gov.example/\(source)/\(index).html", text: "第\(index)条通知。", source: source))
            return try #require(database.pendingEvents(limit: 10_000).last?.event.seq)
        }
    }

    @Test("a new target starts after the events already written, not from the history", arguments: StoreBackend.available)
    func newTargetStartsAtTheEnd(_ backend: StoreBackend) throws {
        let store = try backend.open()
        let old = try newDocuments(store.database, 3)
        let cursors = try store.database.syncPushTargets(["hook"])
        #expect(cursors == ["hook": old.last])
        #expect(try store.database.pushBatch(after: cursors["hook"] ?? 0, filter: PushFilter()).events.isEmpty)
        let fresh = try newDocuments(store.database, 2, from: 3)
        #expect(try store.database.pushBatch(after: cursors["hook"] ?? 0, filter: PushFilter()).events.map(\.event.seq) == fresh)
    }

    @Test("batches are limited, in seq order, and filtered by type and source; the scan passes skipped events", arguments: StoreBackend.available)
    func batchesAndFilters(_ backend: StoreBackend) throws {
        let store = try backend.open()
        let a = try newDocuments(store.database, 3, source: "a")
        let b = try newDocuments(store.database, 2, source: "b", from: 3)
        let limited = try store.database.pushBatch(after: 0, filter: PushFilter(), limit: 2)
        #expect(limited.events.map(\.event.seq) == Array(a.prefix(2)))
        #expect(limited.scannedThrough == a[1])
        let onlyB = try store.database.pushBatch(after: 0, filter: PushFilter(sources: ["b"]))
        #expect(onlyB.events.map(\.event.seq) == b)
        #expect(onlyB.scannedThrough == b.last)
        let noChanges = try store.database.pushBatch(after: 0, filter: PushFilter(types: [.documentChanged]))
        #expect(noChanges.events.isEmpty)
        #expect(noChanges.scannedThrough == b.last, "a filter that wants nothing still moves the cursor past the rest")
        let noSources = try store.database.pushBatch(after: 0, filter: PushFilter(sources: []))
        #expect(noSources.events.isEmpty)
    }

    @Test("cursors advance only forward; backlogs count what lies after each; removed targets lose theirs", arguments: StoreBackend.available)
    func advanceBacklogAndRemoval(_ backend: StoreBackend) throws {
        let store = try backend.open()
        _ = try store.database.syncPushTargets(["hook", "script"])
        let seqs = try newDocuments(store.database, 4)
        try store.database.advancePushCursor(target: "hook", to: seqs[2])
        try store.database.advancePushCursor(target: "hook", to: seqs[0])
        #expect(try store.database.pushBacklogs() == [
            PushCursorState(target: "hook", seq: seqs[2], backlog: 1),
            PushCursorState(target: "script", seq: 0, backlog: 4),
        ])
        #expect(try store.database.oldestPushCursor() == 0)
        let kept = try store.database.syncPushTargets(["hook"])
        #expect(kept == ["hook": seqs[2]], "a known target keeps its cursor")
        #expect(try store.database.oldestPushCursor() == seqs[2])
        _ = try store.database.syncPushTargets([])
        #expect(try store.database.oldestPushCursor() == nil)
    }

    @Test("delivered (drained) events stay in the outbox for push targets", arguments: StoreBackend.available)
    func drainedEventsStay(_ backend: StoreBackend) throws {
        let store = try backend.open()
        _ = try store.database.syncPushTargets(["hook"])
        let seqs = try newDocuments(store.database, 2)
        try store.database.markDelivered(through: seqs[1])
        #expect(try store.database.pushBatch(after: 0, filter: PushFilter()).events.map(\.event.seq) == seqs)
    }
}
