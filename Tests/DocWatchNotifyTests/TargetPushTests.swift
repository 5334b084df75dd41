import DocWatchCore
import DocWatchNotify
import DocWatchStore
import Foundation
import Synchronization
import Testing

/// A target that fails the events whose seq is in `failing`, and records what it was sent.
private final class FakeSender: PushSending {
    let failing = Mutex<Set<Int64>>([])
    let sent = Mutex<[Int64]>([])

    func send(_ event: ChangeEvent, to target: NotifyTarget) async -> PushResult {
        sent.withLock { $0.append(event.seq) }
        return failing.withLock { $0.contains(event.seq) } ? .failed("HTTP 503") : .delivered
    }
}

@Suite("One target's push round")
struct TargetPushTests {
    let target = NotifyTarget(id: "hook", delivery: .webhook(url: "http://127.0.0.1:9/", headers: [:]))

    private func events(_ space: NotifyWorkspace, _ count: Int) throws -> [Int64] {
        for index in 0..<count { try space.store("https://gov.example/\(index).html", "第\(index)条。") }
        return try space.database.pendingEvents().map(\.event.seq)
    }

    @Test("a failure stops the round on that event with the cursor just before it; the next round resumes there")
    func failureHoldsTheCursor() async throws {
        let space = try NotifyWorkspace()
        var cursor = try #require(try space.database.syncPushTargets(["hook"])["hook"])
        let seqs = try events(space, 4)
        let sender = FakeSender()
        sender.failing.withLock { $0 = [seqs[2]] }
        let push = TargetPush(database: space.database, sender: sender, batchSize: 2)

        let first = await push.round(target: target, filter: PushFilter(), cursor: &cursor)
        #expect(first == .failed(delivered: 2, error: "\(ChangeEvent.eventID(seqs[2])): HTTP 503"))
        #expect(cursor == seqs[1])
        #expect(try space.database.pushBacklogs().first?.seq == seqs[1], "the stored cursor matches")

        sender.failing.withLock { $0 = [] }
        #expect(await push.round(target: target, filter: PushFilter(), cursor: &cursor) == .caughtUp(delivered: 2))
        #expect(sender.sent.withLock { $0 } == [seqs[0], seqs[1], seqs[2], seqs[2], seqs[3]])
        #expect(try space.database.pushBacklogs().first?.backlog == 0)
    }

    @Test("events a filter skips move the cursor past them without being sent")
    func filteredEventsAreSkipped() async throws {
        let space = try NotifyWorkspace()
        var cursor = try #require(try space.database.syncPushTargets(["hook"])["hook"])
        let seqs = try events(space, 3)
        let sender = FakeSender()
        let push = TargetPush(database: space.database, sender: sender, batchSize: 2)
        let outcome = await push.round(target: target, filter: PushFilter(types: [.documentChanged]), cursor: &cursor)
        #expect(outcome == .caughtUp(delivered: 0))
        #expect(sender.sent.withLock { $0 }.isEmpty)
        #expect(cursor == seqs.last)
        #expect(try space.database.pushBacklogs().first?.backlog == 0)
    }

    @Test("tags narrow the sources: only configured sources carrying a tag, and within the target's sources")
    func tagsResolveToSources() {
        var sourceA = Source(id: "a", url: "https://a.example/")
        sourceA.tags = ["national"]
        var sourceB = Source(id: "b", url: "https://b.example/")
        sourceB.tags = ["province"]
        var tagged = target
        tagged.tags = ["national"]
        #expect(PushFilter(target: tagged, configuredSources: [sourceA, sourceB]).sources == ["a"])
        tagged.sources = ["b"]
        #expect(PushFilter(target: tagged, configuredSources: [sourceA, sourceB]).sources == [])
        #expect(PushFilter(target: target, configuredSources: [sourceA, sourceB]).sources == nil)
    }
}
