import DocWatchCore
@testable import DocWatchDaemon
import DocWatchNotify
import DocWatchTestSupport
import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import Testing

/// The outbox drain service while writes fail: backs off, ignores pokes, logs once each way. Its
/// back-off sleeps on a manual clock, stepped by the tests.
@Suite("Outbox drain service", .timeLimit(.minutes(2)))
struct OutboxDrainServiceTests {
    struct DiskFull: Error, CustomStringConvertible {
        var description: String { "No space left on device" }
    }

    /// Fails its first `failures` drains, then writes `held` events once and nothing after.
    final class FakeNotifier: OutboxDraining {
        private let state: Mutex<(calls: Int, failures: Int, held: Int)>

        init(failures: Int, held: Int) {
            state = Mutex((0, failures, held))
        }

        var calls: Int { state.withLock { $0.calls } }
        /// Every drain attempt, to wait for.
        let attempts = AwaitableCount()

        func drain() throws -> Int {
            defer { attempts.increment() }
            return try state.withLock { state in
                state.calls += 1
                if state.calls <= state.failures { throw DiskFull() }
                defer { state.held = 0 }
                return state.held
            }
        }
    }

    /// Keeps every message logged, with its level and metadata.
    final class CapturedLog: Sendable {
        let lines = Mutex<[(level: Logger.Level, message: String, metadata: Logger.Metadata)]>([])

        var logger: Logger {
            Logger(label: "test") { _ in Handler(log: self) }
        }

        struct Handler: LogHandler {
            let log: CapturedLog
            var metadata: Logger.Metadata = [:]
            var logLevel: Logger.Level = .trace
            subscript(metadataKey key: String) -> Logger.Metadata.Value? {
                get { metadata[key] }
                set { metadata[key] = newValue }
            }

            func log(event: LogEvent) {
                log.lines.withLock { $0.append((event.level, event.message.description, event.metadata ?? [:])) }
            }
        }
    }

    /// Runs `service` in a service group until `body` returns, then shuts it down gracefully.
    func running(_ service: OutboxDrainService, _ body: () async -> Void) async throws {
        let group = ServiceGroup(configuration: .init(services: [.init(service: service)],
                                                      logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })))
        let task = Task { try await group.run() }
        await body()
        await group.triggerGracefulShutdown()
        try await task.value
    }

    @Test("twenty failed drains log one error, then one recovery with the held-back count")
    func logsOnceEachWay() async throws {
        let notifier = FakeNotifier(failures: 20, held: 42)
        let log = CapturedLog()
        let clock = ManualClock()
        let service = OutboxDrainService(notifier: notifier, clock: clock, logger: log.logger)
        try await running(service) {
            // Each failed drain sleeps its back-off (1 s doubling to 60 s); a minute wakes any of them.
            for _ in 0..<20 {
                await clock.sleeper()
                clock.advance(by: 60)
            }
            await notifier.attempts.reaches(21)
        }
        let lines = log.lines.withLock { $0 }
        #expect(lines.count == 2, "\(lines.map(\.message))")
        #expect(lines.first?.level == .error)
        #expect(lines.first?.metadata["error"]?.description == "No space left on device")
        #expect(lines.last?.level == .notice)
        #expect(lines.last?.metadata["held_back"]?.description == "42")
        #expect(lines.last?.metadata["failed_attempts"]?.description == "20")
    }

    @Test("while backing off, a hundred pokes (new events) make no extra attempt")
    func pokesWaitForTheBackOff() async throws {
        let notifier = FakeNotifier(failures: 1, held: 5)
        let log = CapturedLog()
        // The first retry is a second away on a clock that does not move: only the start drain and the
        // shutdown drain may run.
        let clock = ManualClock()
        let service = OutboxDrainService(notifier: notifier, clock: clock, logger: log.logger)
        try await running(service) {
            await clock.sleeper()
            #expect(notifier.calls == 1)
            for _ in 0..<100 {
                service.poke()
                await Task.yield()
            }
            try? await Task.sleep(for: .milliseconds(50))
            #expect(notifier.calls == 1)
        }
        #expect(notifier.calls == 2, "the shutdown drain runs once more")
        #expect(log.lines.withLock { $0.map(\.level) } == [.error, .notice])
    }
}
