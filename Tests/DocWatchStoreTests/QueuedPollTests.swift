import DocWatchCore
@testable import DocWatchStore
import Foundation
import Testing

/// `queuePoll`: recordings that wait for the next transaction, and what keeps them from being lost or
/// landing out of order.
@Suite("Queued poll recordings")
struct QueuedPollTests {
    static let url = "https://gov.example/a.html"

    static func notModified(_ offset: TimeInterval, url: String = url) -> FetchLogEntry {
        FetchLogEntry(time: Pages.start.addingTimeInterval(offset), source: "s", url: url, status: 304, outcome: .notModified)
    }

    @Test("queued 304s are not written until flushPolls, then all of them and their validators are", arguments: StoreBackend.available)
    func flushWritesAll(_ backend: StoreBackend) throws {
        let store = try backend.open()
        _ = try store.database.store(Pages.page(text: "正文。"))
        for n in 1...3 {
            try store.database.queuePoll(Self.notModified(Double(n) * 60), etag: "\"v\(n + 1)\"")
        }
        #expect(try store.database.fetchLog(FetchLogFilter(outcome: .notModified)).isEmpty)
        #expect(store.database.queuedPollCount == 3)

        try store.database.flushPolls()

        #expect(store.database.queuedPollCount == 0)
        #expect(try store.database.fetchLog(FetchLogFilter(outcome: .notModified)).count == 3)
        let state = try #require(try store.database.documentState(url: Self.url))
        #expect(state.etag == "\"v4\"")
        #expect(state.lastSeen == Pages.start.addingTimeInterval(180))
    }

    @Test("several queued polls of one URL leave it as applying them in order would: the last time, the last validator given; log rows in queue order", arguments: StoreBackend.available)
    func foldedPollsOfOneURL(_ backend: StoreBackend) throws {
        let store = try backend.open()
        let other = "https://gov.example/b.html"
        _ = try store.database.store(Pages.page(text: "正文。"))
        _ = try store.database.store(Pages.page(other, text: "另一篇。"))
        try store.database.queuePoll(Self.notModified(60), etag: "\"v2\"", lastModified: "Mon, 01 Jun 2026 00:00:00 GMT")
        try store.database.queuePoll(Self.notModified(90, url: other), etag: nil)
        try store.database.queuePoll(Self.notModified(120), etag: nil, lastModified: "Tue, 02 Jun 2026 00:00:00 GMT")
        try store.database.queuePoll(Self.notModified(180), etag: nil)
        try store.database.flushPolls()

        let state = try #require(try store.database.documentState(url: Self.url))
        #expect(state.etag == "\"v2\"")
        #expect(state.lastModified == "Tue, 02 Jun 2026 00:00:00 GMT")
        #expect(state.lastSeen == Pages.start.addingTimeInterval(180))
        #expect(try store.database.documentState(url: other)?.lastSeen == Pages.start.addingTimeInterval(90))
        let logged = try store.database.fetchLog(FetchLogFilter(outcome: .notModified)).map(\.entry).reversed()
        #expect(logged.map(\.time) == [60, 90, 120, 180].map { Pages.start.addingTimeInterval($0) })
        #expect(logged.map(\.url) == [Self.url, other, Self.url, Self.url])
        #expect(logged.allSatisfy { $0.status == 304 && $0.error == nil })
    }

    @Test("any other write commits the queue first, so a later version's validators are not overwritten by an older 304", arguments: StoreBackend.available)
    func otherWriteCommitsQueueFirst(_ backend: StoreBackend) throws {
        let store = try backend.open()
        _ = try store.database.store(Pages.page(text: "正文。"))
        try store.database.queuePoll(Self.notModified(60), etag: "\"old\"")
        var changed = Pages.page(text: "正文改了。", at: 120)
        changed.etag = "\"new\""
        _ = try store.database.store(changed)

        #expect(store.database.queuedPollCount == 0)
        #expect(try store.database.fetchLog(FetchLogFilter(outcome: .notModified)).count == 1)
        #expect(try store.database.documentState(url: Self.url)?.etag == "\"new\"")
    }

    @Test("reading the state of a URL with a queued 304 sees the validators it brought", arguments: StoreBackend.available)
    func stateSeesQueued(_ backend: StoreBackend) throws {
        let store = try backend.open()
        _ = try store.database.store(Pages.page(text: "正文。"))
        try store.database.queuePoll(Self.notModified(60), etag: "\"v2\"")
        #expect(try store.database.documentState(url: Self.url)?.etag == "\"v2\"")
    }

    @Test("the queue writes itself once it holds flushAfter recordings", arguments: StoreBackend.available)
    func flushesWhenFull(_ backend: StoreBackend) throws {
        let store = try backend.open()
        for n in 1...5 {
            try store.database.queuePoll(Self.notModified(Double(n), url: "https://gov.example/\(n).html"), etag: nil, lastModified: nil, flushAfter: 5)
        }
        #expect(store.database.queuedPollCount == 0)
        #expect(try store.database.fetchLog(FetchLogFilter()).count == 5)
    }

    @Test("a transaction that fails puts the queued recordings back, and a later flush writes them", arguments: StoreBackend.available)
    func failedTransactionKeepsQueue(_ backend: StoreBackend) throws {
        let store = try backend.open()
        try store.database.queuePoll(Self.notModified(60))
        #expect(throws: StoreError.self) { try store.failOneWrite() }
        #expect(store.database.queuedPollCount == 1)
        try store.database.flushPolls()
        #expect(try store.database.fetchLog(FetchLogFilter()).count == 1)
    }

    static let dates: [Date] = [
        Date(timeIntervalSince1970: 0),
        Date(timeIntervalSince1970: 1_786_000_000.999_9),
        Date(timeIntervalSince1970: 1_786_000_000.0004),
        Date(timeIntervalSince1970: 951_782_400.5),  // 29 February 2000
        Date(timeIntervalSince1970: 4_102_444_799.123),
        Date(timeIntervalSince1970: -1.25),
    ]

    /// GRDB's own formatter for stored dates, as GRDB sets it up.
    static let grdbFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss.SSS"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        return formatter
    }()

    @Test("a stored date is the text GRDB would store for the same date", arguments: dates)
    func storedDateMatchesGRDB(_ date: Date) {
        #expect(StoredDate(date).text == Self.grdbFormatter.string(from: date))
    }
}
