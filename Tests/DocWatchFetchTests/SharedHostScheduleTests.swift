import DocWatchCore
import DocWatchFetch
import DocWatchTestSupport
import Foundation
import Synchronization
import Testing

/// The fetcher's seam for a per-host schedule shared by several daemons: each transfer reserves its
/// start there first and waits for it (on the injected clock), only when `host_delay` is above zero.
@Suite("CurlFetcher with a shared host schedule", .timeLimit(.minutes(3)))
struct SharedHostScheduleTests {
    /// Hands out the start it was told to, remembering who asked; or fails.
    final class ScriptedSchedule: SharedHostSchedule {
        private let asked = Mutex<[String]>([])
        let start: Date?

        init(start: Date?) { self.start = start }

        var hosts: [String] { asked.withLock { $0 } }

        func reserve(host: String, delay: TimeInterval, now: Date) throws -> Date {
            asked.withLock { $0.append("\(host) \(delay)") }
            guard let start else { throw Unreachable() }
            return start
        }
    }

    struct Unreachable: Error {}

    func fetcher(_ schedule: ScriptedSchedule, clock: ManualClock, hostDelay: TimeInterval) -> CurlFetcher {
        CurlFetcher(settings: loopbackSettings { $0.hostDelay = hostDelay }, userAgent: "t", sharedSchedule: schedule, clock: clock)
    }

    @Test("a transfer waits for the start the shared schedule reserved, and not a moment less")
    func waitsForTheReservedStart() async throws {
        let server = try await TestHTTPServer.start()
        let clock = ManualClock()
        let reserved = clock.now().addingTimeInterval(30)
        let schedule = ScriptedSchedule(start: reserved)
        let fetcher = fetcher(schedule, clock: clock, hostDelay: 1)
        server.set(path: "/a", body: "x")
        let fetch = Task { try await fetcher.fetch(FetchRequest(url: server.url("/a"))).status }
        await clock.sleeper { $0 == reserved }
        #expect(server.requests.isEmpty)
        #expect(schedule.hosts == ["127.0.0.1 1.0"])
        clock.advance(to: reserved)
        #expect(try await fetch.value == 200)
        #expect(server.requests.count == 1)
        fetcher.shutdown()
        await server.stop()
    }

    @Test("without a host delay the shared schedule is not asked")
    func noDelayNoReservation() async throws {
        let server = try await TestHTTPServer.start()
        let schedule = ScriptedSchedule(start: Date.distantFuture)
        let fetcher = fetcher(schedule, clock: ManualClock(), hostDelay: 0)
        server.set(path: "/a", body: "x")
        #expect(try await fetcher.fetch(FetchRequest(url: server.url("/a"))).status == 200)
        #expect(schedule.hosts.isEmpty)
        fetcher.shutdown()
        await server.stop()
    }

    @Test("a schedule that cannot be reached does not stop the fetch")
    func unreachableScheduleFetchesAnyway() async throws {
        let server = try await TestHTTPServer.start()
        let schedule = ScriptedSchedule(start: nil)
        let fetcher = fetcher(schedule, clock: ManualClock(), hostDelay: 0.01)
        server.set(path: "/a", body: "x")
        #expect(try await fetcher.fetch(FetchRequest(url: server.url("/a"))).status == 200)
        #expect(schedule.hosts.count == 1)
        fetcher.shutdown()
        await server.stop()
    }

    @Test("a fetch cancelled while waiting for its start throws cancelled and never reaches the host")
    func cancelledWhileWaiting() async throws {
        let server = try await TestHTTPServer.start()
        let clock = ManualClock()
        let reserved = clock.now().addingTimeInterval(30)
        let fetcher = fetcher(ScriptedSchedule(start: reserved), clock: clock, hostDelay: 1)
        server.set(path: "/a", body: "x")
        let fetch = Task { try await fetcher.fetch(FetchRequest(url: server.url("/a"))).status }
        await clock.sleeper { $0 == reserved }
        fetch.cancel()
        await #expect(throws: FetchError.cancelled) { try await fetch.value }
        #expect(server.requests.isEmpty)
        fetcher.shutdown()
        await server.stop()
    }
}
