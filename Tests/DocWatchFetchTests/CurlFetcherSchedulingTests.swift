import DocWatchCore
import DocWatchFetch
import DocWatchTestSupport
import Foundation
import Testing

@Suite("CurlFetcher caps, delays and cancellation")
struct CurlFetcherSchedulingTests {
    /// Fetches `path` `count` times at once; returns the statuses.
    private func fetchAll(_ fetcher: CurlFetcher, _ url: String, count: Int) async throws -> [Int] {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<count { group.addTask { try await fetcher.fetch(FetchRequest(url: url)).status } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test("no more than per_host transfers reach one host at once")
    func perHostCap() async throws {
        try await withFetcher({ $0.perHost = 2 }) { fetcher, server in
            server.set(path: "/slow", body: "x", delay: 0.2)
            let statuses = try await fetchAll(fetcher, server.url("/slow"), count: 8)
            #expect(statuses == Array(repeating: 200, count: 8))
            #expect(server.maxConcurrent <= 2)
        }
    }

    @Test("no more than concurrency transfers run at once")
    func overallCap() async throws {
        try await withFetcher({ $0.concurrency = 3 }) { fetcher, server in
            server.set(path: "/slow", body: "x", delay: 0.2)
            let statuses = try await fetchAll(fetcher, server.url("/slow"), count: 9)
            #expect(statuses.count == 9)
            #expect(server.maxConcurrent <= 3)
        }
    }

    @Test("starts to one host are at least host_delay apart")
    func hostDelay() async throws {
        try await withFetcher({ $0.hostDelay = 0.4 }) { fetcher, server in
            server.set(path: "/warm", body: "x")
            server.set(path: "/p", body: "x")
            // The first request also opens the connection; time only the ones that reuse it.
            _ = try await fetcher.fetch(FetchRequest(url: server.url("/warm")))
            _ = try await fetchAll(fetcher, server.url("/p"), count: 3)
            let times = server.requests(to: "/p").map(\.receivedAt).sorted()
            #expect(times.count == 3)
            // The server sees each start a little after the fetcher makes it, by a varying amount on a
            // loaded machine, so one gap can look short when the request before it arrived late; the span
            // from first to last is two delays (0.8 s) less only the first request's lateness (up to 0.3 s seen with every core busy). Without the
            // gate the three arrive within milliseconds.
            guard let first = times.first, let last = times.last else { return }
            #expect(last - first >= .milliseconds(500))
            for (earlier, later) in zip(times, times.dropFirst()) {
                #expect(later - earlier >= .milliseconds(50))
            }
        }
    }

    @Test("200 concurrent fetches all succeed")
    func manyConcurrent() async throws {
        try await withFetcher({ $0.concurrency = 200; $0.perHost = 200 }) { fetcher, server in
            server.set(path: "/p", body: [UInt8](repeating: 66, count: 4096), delay: 0.05)
            let statuses = try await fetchAll(fetcher, server.url("/p"), count: 200)
            #expect(statuses == Array(repeating: 200, count: 200))
            #expect(server.requests(to: "/p").count == 200)
        }
    }

    @Test("cancelling the caller's task cancels its transfer")
    func taskCancellation() async throws {
        // One slot in all: `/ok` can only run once the cancelled transfer has really given its slot back.
        try await withFetcher({ $0.concurrency = 1; $0.perHost = 1 }) { fetcher, server in
            server.set(path: "/slow", body: "x", delay: 30)
            server.set(path: "/ok", body: "fine")
            let task = Task { try await fetcher.fetch(FetchRequest(url: server.url("/slow"))) }
            let reached = try await eventually { !server.requests(to: "/slow").isEmpty }
            #expect(reached)
            task.cancel()
            await #expect(throws: FetchError.cancelled) { try await task.value }
            let after = try await fetcher.fetch(FetchRequest(url: server.url("/ok")))
            #expect(after.status == 200)
        }
    }

    @Test("a task cancelled before it fetches never reaches the server")
    func cancelledBeforeStart() async throws {
        try await withFetcher { fetcher, server in
            server.set(path: "/p", body: "x")
            let task = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await fetcher.fetch(FetchRequest(url: server.url("/p")))
            }
            await #expect(throws: FetchError.cancelled) { try await task.value }
            #expect(server.requests(to: "/p").isEmpty)
        }
    }

    @Test("shutdown cancels in-flight and queued fetches and refuses new ones")
    func shutdownCancels() async throws {
        try await withFetcher({ $0.perHost = 1 }) { fetcher, server in
            server.set(path: "/slow", body: "x", delay: 30)
            let running = Task { try await fetcher.fetch(FetchRequest(url: server.url("/slow"))) }
            let queued = Task { try await fetcher.fetch(FetchRequest(url: server.url("/slow"))) }
            let reached = try await eventually { !server.requests(to: "/slow").isEmpty }
            #expect(reached)
            fetcher.shutdown()
            await #expect(throws: FetchError.cancelled) { try await running.value }
            await #expect(throws: FetchError.cancelled) { try await queued.value }
            await #expect(throws: FetchError.cancelled) {
                try await fetcher.fetch(FetchRequest(url: server.url("/slow")))
            }
        }
    }

    @Test("fetches racing a shutdown all finish, with a response or cancelled", .timeLimit(.minutes(1)))
    func shutdownRace() async throws {
        try await withFetcher({ $0.concurrency = 4; $0.perHost = 4 }) { fetcher, server in
            server.set(path: "/p", body: "x", delay: 0.01)
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<100 {
                    group.addTask {
                        if index == 50 { fetcher.shutdown() }
                        do {
                            return try await fetcher.fetch(FetchRequest(url: server.url("/p"))).status == 200
                        } catch let error as FetchError {
                            return error == .cancelled
                        } catch {
                            return false
                        }
                    }
                }
                var outcomes: [Bool] = []
                for await outcome in group { outcomes.append(outcome) }
                return outcomes
            }
            #expect(outcomes.count == 100)
            #expect(outcomes.allSatisfy { $0 })
        }
    }
}
