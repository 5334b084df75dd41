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
        let delay = Duration.milliseconds(400)
        try await withFetcher({ $0.hostDelay = 0.4 }) { fetcher, server in
            server.set(path: "/warm", body: "x")
            server.set(path: "/p", body: "x")
            // Every start comes at least one delay after the one before it, the first (`/warm`) after
            // `begin`; a request reaches the server at or after its start. So the k-th `/p` to arrive
            // cannot arrive before `begin` + k delays, however late a loaded machine delivers any of
            // them. (A gap between two arrivals says nothing: the earlier one may have arrived late.)
            // Without the gate all four start within milliseconds of `begin`.
            let begin = ContinuousClock.now
            _ = try await fetcher.fetch(FetchRequest(url: server.url("/warm")))
            _ = try await fetchAll(fetcher, server.url("/p"), count: 3)
            let arrivals = server.requests(to: "/p").map(\.receivedAt).sorted()
            #expect(arrivals.count == 3)
            // The fetcher's clock and the server's are read a few microseconds apart; 5 ms covers that.
            for (index, arrival) in arrivals.enumerated() {
                #expect(arrival - begin >= delay * (index + 1) - .milliseconds(5), "/p #\(index + 1)")
            }
        }
    }

    @Test("200 concurrent fetches all succeed")
    func manyConcurrent() async throws {
        // What is asserted is that all 200 complete. The in-process server answers them on the test's
        // few threads, so on a loaded machine the last may finish many seconds after it started: long
        // timeouts keep a slow run from turning into transfer timeouts.
        try await withFetcher({ $0.concurrency = 200; $0.perHost = 200; $0.timeout = 120; $0.connectTimeout = 60 }) { fetcher, server in
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

    @Test("fetches racing a shutdown all finish, with a response or cancelled", .timeLimit(.minutes(3)))
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
