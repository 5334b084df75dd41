import DocWatchCore
@testable import DocWatchStore
import Foundation
import Testing

/// `recordSourcePolls` reads the failing sources' counts once per batch and keeps them itself; a batch
/// with several polls of one source, a source failing before the batch and a source without a row must
/// still record what one `recordSourcePoll` per poll records.
@Suite("Source health batches")
struct SourceHealthBatchTests {
    @Test("a batch with repeated, already failing and unknown sources records the health and events of one call each",
          arguments: StoreBackend.available)
    func batchEqualsSingleCalls(_ backend: StoreBackend) throws {
        let sources = ["a", "b", "c"].map { Source(id: $0, url: "https://\($0).example/") }
        let before = SourcePoll(source: "c", time: Pages.start, outcome: .error, error: "HTTP 503")
        let later = Pages.start.addingTimeInterval(60)
        let polls = [
            SourcePoll(source: "a", time: later, outcome: .error, error: "HTTP 500"),
            SourcePoll(source: "a", time: later, outcome: .error, error: "HTTP 500"),
            SourcePoll(source: "a", time: later.addingTimeInterval(1), outcome: .notModified, error: nil),
            SourcePoll(source: "a", time: later.addingTimeInterval(2), outcome: .error, error: "timeout"),
            SourcePoll(source: "b", time: later, outcome: .new, error: nil),
            SourcePoll(source: "c", time: later, outcome: .error, error: "HTTP 503"),
            SourcePoll(source: "c", time: later, outcome: .unchanged, error: nil),
            SourcePoll(source: "gone", time: later, outcome: .error, error: "HTTP 404"),
            SourcePoll(source: "gone", time: later, outcome: .error, error: "HTTP 404"),
        ]
        let batched = try backend.open()
        let single = try backend.open()
        for store in [batched, single] {
            try store.database.syncSources(sources)
            _ = try store.database.recordSourcePolls([before])
        }
        let events = try batched.database.recordSourcePolls(polls)
        var singleEvents: [Int64] = []
        for poll in polls {
            if let event = try single.database.recordSourcePoll(source: poll.source, time: poll.time, outcome: poll.outcome,
                                                                error: poll.error, nextDue: nil) {
                singleEvents.append(event)
            }
        }
        #expect(events.count == singleEvents.count)
        #expect(try batched.database.sourceHealth(includeRemoved: true) == single.database.sourceHealth(includeRemoved: true))
        let types = try batched.database.pendingEvents().map { "\($0.event.source) \($0.event.type.rawValue)" }
        #expect(types == (try single.database.pendingEvents().map { "\($0.event.source) \($0.event.type.rawValue)" }))
        #expect(types == ["c source.failing", "a source.failing", "a source.recovered", "a source.failing", "c source.recovered",
                          "gone source.failing", "gone source.failing"])
    }
}
