import DocWatchCore
import DocWatchStore
import Foundation
import Testing

@Suite("Recording polls")
struct PollRecordTests {
    @Test("every attempt lands in the fetch log with its outcome, filterable", arguments: StoreBackend.available)
    func fetchLog(_ backend: StoreBackend) throws {
        let store = try backend.open()
        _ = try store.database.store(Pages.page(text: "正文。"))
        try store.database.recordPoll(FetchLogEntry(time: Pages.start.addingTimeInterval(10), source: "s", url: "https://gov.example/a.html", status: 304, outcome: .notModified))
        try store.database.recordPoll(FetchLogEntry(time: Pages.start.addingTimeInterval(20), source: "t", url: "https://down.example/", outcome: .error, error: "connection failed: refused"))
        let all = try store.database.fetchLog(FetchLogFilter())
        #expect(all.map(\.entry.outcome) == [.error, .notModified, .new])
        let errors = try store.database.fetchLog(FetchLogFilter(outcome: .error))
        #expect(errors.count == 1 && errors[0].entry.error == "connection failed: refused")
        #expect(try store.database.fetchLog(FetchLogFilter(source: "s")).count == 2)
    }

    @Test("a failed poll changes nothing stored", arguments: StoreBackend.available)
    func failureKeepsDocument(_ backend: StoreBackend) throws {
        let store = try backend.open()
        _ = try store.database.store(Pages.page(text: "正文。"))
        let before = try store.database.documentState(url: "https://gov.example/a.html")
        try store.database.recordPoll(FetchLogEntry(time: Pages.start.addingTimeInterval(3600), source: "s", url: "https://gov.example/a.html", status: 500, outcome: .error, error: "HTTP 500"),
                                      etag: "\"from-the-error-page\"", lastModified: "Mon, 01 Jan 2024 00:00:00 GMT")
        // Validators, hashes and last-seen time stay those of the last good fetch.
        #expect(try store.database.documentState(url: "https://gov.example/a.html") == before)
        let detail = try #require(try store.database.document("https://gov.example/a.html"))
        #expect(detail.current.text == "正文。" && detail.versions.count == 1)
    }

    @Test("source.failing on the first failure, source.recovered on the first success after", arguments: StoreBackend.available)
    func sourceHealthEvents(_ backend: StoreBackend) throws {
        let store = try backend.open()
        try store.database.syncSources([Source(id: "s", url: "https://gov.example/")])
        #expect(try store.database.recordSourcePoll(source: "s", time: Pages.start, outcome: .new, error: nil, nextDue: nil) == nil)
        #expect(try store.database.recordSourcePoll(source: "s", time: Pages.start, outcome: .error, error: "HTTP 500", nextDue: nil) != nil)
        #expect(try store.database.recordSourcePoll(source: "s", time: Pages.start, outcome: .error, error: "HTTP 500", nextDue: nil) == nil)
        #expect(try store.database.sourceHealth().first?.failures == 2)
        #expect(try store.database.recordSourcePoll(source: "s", time: Pages.start, outcome: .unchanged, error: nil, nextDue: nil) != nil)
        #expect(try store.database.pendingEvents().map(\.event.type) == [.sourceFailing, .sourceRecovered])
        #expect(try store.database.sourceHealth().first?.failures == 0)
    }

    @Test("a batch of source polls records the same health and events as one call each", arguments: StoreBackend.available)
    func sourcePollBatch(_ backend: StoreBackend) throws {
        let sources = ["a", "b", "c"].map { Source(id: $0, url: "https://\($0).example/") }
        let polls = [
            SourcePoll(source: "a", time: Pages.start, outcome: .unchanged, error: nil),
            SourcePoll(source: "b", time: Pages.start, outcome: .error, error: "HTTP 500"),
            SourcePoll(source: "c", time: Pages.start, outcome: .new, error: nil),
        ]
        let batched = try backend.open()
        try batched.database.syncSources(sources)
        let events = try batched.database.recordSourcePolls(polls)
        let single = try backend.open()
        try single.database.syncSources(sources)
        for poll in polls {
            _ = try single.database.recordSourcePoll(source: poll.source, time: poll.time, outcome: poll.outcome, error: poll.error, nextDue: nil)
        }
        #expect(events.count == 1)
        #expect(try batched.database.sourceHealth() == single.database.sourceHealth())
        #expect(try batched.database.pendingEvents().map(\.event.type) == [.sourceFailing])
    }

    @Test("the third 404 in a row writes document.gone, once", arguments: StoreBackend.available)
    func gone(_ backend: StoreBackend) throws {
        let store = try backend.open()
        _ = try store.database.store(Pages.page(text: "正文。"))
        let missing = FetchLogEntry(time: Pages.start, source: "s", url: "https://gov.example/a.html", status: 404, outcome: .error, error: "HTTP 404")
        let seqs = try (1...4).map { _ in try store.database.recordMissing(missing) }
        #expect(seqs[0] == nil && seqs[1] == nil && seqs[2] != nil && seqs[3] == nil)
    }
}

@Suite("Reading document states")
struct DocumentStatesTests {
    @Test("documentStates of many URLs reads what documentState reads of each, and nothing for a URL not stored", arguments: StoreBackend.available)
    func manyAtOnce(_ backend: StoreBackend) throws {
        let store = try backend.open()
        let urls = (1...3).map { "https://gov.example/\($0).html" }
        for url in urls { _ = try store.database.store(Pages.page(url, text: "正文\(url)。")) }
        let states = try store.database.documentStates(urls: urls + ["https://gov.example/none.html"])
        #expect(states.count == 3)
        for url in urls { #expect(states[url] == (try store.database.documentState(url: url))) }
    }
}
