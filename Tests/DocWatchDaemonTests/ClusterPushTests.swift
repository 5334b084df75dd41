import DocWatchCore
@testable import DocWatchDaemon
import DocWatchNotify
import DocWatchStore
import DocWatchTestSupport
import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import Testing

/// Two daemons' push services on one PostgreSQL database and one target: the target's lease lets one
/// node push at a time, so no event is pushed twice; after the holder stops, the other takes the target
/// over from the cursor the first one left.
@Suite("push targets shared by two daemons", .enabled(if: PostgresTestDatabase.isAvailable), .timeLimit(.minutes(2)))
struct ClusterPushTests {
    /// Remembers every event sent, with the node that sent it.
    final class Deliveries: Sendable {
        private let sent = Mutex<[(node: String, seq: Int64)]>([])
        let count = AwaitableCount()

        var all: [(node: String, seq: Int64)] { sent.withLock { $0 } }

        func sender(_ node: String) -> some PushSending { Sender(node: node, deliveries: self) }

        fileprivate func add(_ node: String, _ seq: Int64) {
            sent.withLock { $0.append((node, seq)) }
            count.increment()
        }
    }

    struct Sender: PushSending {
        let node: String
        let deliveries: Deliveries

        func send(_ event: ChangeEvent, to target: NotifyTarget) async -> PushResult {
            deliveries.add(node, event.seq)
            return .delivered
        }
    }

    /// One event per source: its first failed poll.
    func writeEvents(_ store: any DocumentStore, sources: [String], at time: Date) throws {
        for id in sources {
            _ = try store.recordSourcePoll(source: id, time: time, outcome: .error, error: "HTTP 500", nextDue: nil)
        }
    }

    @Test("each event is pushed once across two nodes, and the second node carries on after the first stops")
    func eachEventPushedOnce() async throws {
        let database = try PostgresTestDatabase()
        let stores: [any DocumentStore] = [try database.open(node: "a"), try database.open(node: "b")]
        let clock = ManualClock()
        let ids = (1...12).map { "s\($0)" }
        var configuration = Configuration(database: database.url, logDir: "/tmp", sources: ids.map { Source(id: $0, url: "http://127.0.0.1:9/\($0)") })
        configuration.notify = [NotifyTarget(id: "hook", delivery: .webhook(url: "http://127.0.0.1:9/", headers: [:]))]
        try stores[0].syncSources(configuration.sources)
        _ = try stores[0].syncPushTargets(["hook"], now: clock.now())
        let deliveries = Deliveries()
        let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let services = ["a", "b"].enumerated().map { index, node in
            PushService(configuration: LiveConfiguration(configuration), database: stores[index], sender: deliveries.sender(node),
                        clock: clock, idleRecheck: 15, cluster: ClusterMembership(node: node, lease: 30, claims: StoreClusterSeams(store: stores[index])),
                        logger: quiet)
        }
        let groups = services.map { ServiceGroup(configuration: .init(services: [.init(service: $0)], logger: quiet)) }
        let tasks = groups.map { group in Task { try await group.run() } }
        // Both loops have run their first round (one pushed nothing, the other was refused the lease).
        #expect(await eventually { clock.sleepers.count == 2 })

        try writeEvents(stores[0], sources: Array(ids[0..<8]), at: clock.now())
        services.forEach { $0.poke() }
        await deliveries.count.reaches(8)
        services.forEach { $0.poke() }
        clock.advance(by: 15)
        #expect(await eventually { clock.sleepers.count == 2 && clock.sleepers.allSatisfy { $0 > clock.now() } })
        let first = deliveries.all
        #expect(first.map(\.seq).sorted() == Array(Set(first.map(\.seq))).sorted(), "an event was pushed twice: \(first)")
        #expect(Set(first.map(\.node)).count == 1, "one node holds the target: \(first)")
        let holder = first.first?.node ?? "a"

        // The holder stops; its lease runs out and the other node pushes what was written meanwhile.
        let holderIndex = holder == "a" ? 0 : 1
        await groups[holderIndex].triggerGracefulShutdown()
        try await tasks[holderIndex].value
        try writeEvents(stores[1 - holderIndex], sources: Array(ids[8...]), at: clock.now())
        services[1 - holderIndex].poke()
        #expect(await eventually { clock.sleepers.count == 1 })
        #expect(deliveries.all.count == 8, "not before the lease has run out")
        clock.advance(by: 31)
        await deliveries.count.reaches(12)
        let all = deliveries.all
        #expect(all.count == 12 && Set(all.map(\.seq)).count == 12, "every event once: \(all)")
        #expect(all.suffix(4).allSatisfy { $0.node != holder })
        await groups[1 - holderIndex].triggerGracefulShutdown()
        try await tasks[1 - holderIndex].value
    }
}
