@testable import DocWatchPostgres
import DocWatchCore
import DocWatchStore
import DocWatchTestSupport
import Foundation
import Testing

/// Events become visible in `seq` order even when the transactions that wrote them commit in another order.
@Suite("PostgreSQL outbox commit order", .enabled(if: PostgresTestDatabase.isAvailable))
struct PostgresOutboxOrderTests {
    @Test func aLaterEventWaitsForTheEarlierSeqsTransactionToCommit() throws {
        let database = try PostgresTestDatabase()
        let first = try database.open(node: "a")
        let second = try database.open(node: "b")
        let firstAppended = DispatchSemaphore(value: 0)
        let releaseFirst = DispatchSemaphore(value: 0)
        let firstDone = DispatchSemaphore(value: 0)
        let secondDone = DispatchSemaphore(value: 0)
        let time = Date(timeIntervalSince1970: 1_786_000_000)

        // The first transaction draws its seq and stays open until told to commit.
        DispatchQueue.global().async {
            _ = try? first.write("hold an event") { (connection) throws(StoreError) in
                _ = try PostgresOutboxAppend.append(connection, time: time, type: .sourceFailing, source: "first")
                firstAppended.signal()
                releaseFirst.wait()
            }
            firstDone.signal()
        }
        firstAppended.wait()
        // The second writes its event and commits as soon as it may.
        DispatchQueue.global().async {
            _ = try? second.write("write an event") { (connection) throws(StoreError) in
                _ = try PostgresOutboxAppend.append(connection, time: time, type: .sourceFailing, source: "second")
            }
            secondDone.signal()
        }
        // Without the order lock the second event (the higher seq) commits now and is visible alone.
        #expect(secondDone.wait(timeout: .now() + 0.5) == .timedOut)
        #expect(try first.events(after: 0, limit: 10).isEmpty)

        releaseFirst.signal()
        firstDone.wait()
        secondDone.wait()
        let events = try first.events(after: 0, limit: 10).map(\.event)
        #expect(events.map(\.source) == ["first", "second"])
        #expect(events[0].seq < events[1].seq)
    }
}
