@testable import DocWatchDaemon
import DocWatchTestSupport
import Foundation
import Synchronization
import Testing

/// What a sending thread got back, once it is done.
private final class SendOutcome: Sendable {
    let sent = Mutex<[Bool]?>(nil)
}

@Suite("sd_notify")
struct SystemdNotifierTests {
    @Test("sends KEY=VALUE lines as one datagram to a socket path")
    func socketPath() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dw-notify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let listener = try NotifyListener(path: directory.appendingPathComponent("notify").path)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.path])
        notifier.ready(status: "3 sources")
        #expect(await listener.waitFor { $0.hasPrefix("READY=1") } == "READY=1\nSTATUS=3 sources")
    }

    @Test("reaches an abstract socket named with @")
    func abstractName() async throws {
        let listener = try NotifyListener(path: "@docwatch-test-\(UUID().uuidString)")
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.path])
        notifier.watchdog()
        #expect(await listener.waitFor { $0 == "WATCHDOG=1" } != nil)
    }

    @Test("RELOADING=1 carries MONOTONIC_USEC")
    func reloadingCarriesMonotonic() async throws {
        let listener = try NotifyListener(path: "@docwatch-test-\(UUID().uuidString)")
        SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.path]).reloading()
        let message = try #require(await listener.waitFor { $0.hasPrefix("RELOADING=1") })
        let lines = message.split(separator: "\n")
        let usec = lines.first { $0.hasPrefix("MONOTONIC_USEC=") }.flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) }
        #expect((usec ?? 0) > 0)
    }

    @Test("a send to a socket whose queue is full returns false at once instead of waiting")
    func fullQueueDoesNotBlock() async throws {
        let listener = try NotifyListener(path: "@docwatch-test-\(UUID().uuidString)", reading: false)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.path])
        // On a thread of its own, so a send that waits holds up only that thread; closing the socket at
        // the end of the test (the listener's deinit) releases it.
        let outcome = SendOutcome()
        Thread.detachNewThread {
            // Far more than the kernel queues for an unread datagram socket (net.unix.max_dgram_qlen, 10).
            let sent = (0..<200).map { _ in notifier.notify(["WATCHDOG=1"]) }
            outcome.sent.withLock { $0 = sent }
        }
        #expect(await eventually(timeout: .seconds(10)) { outcome.sent.withLock { $0 != nil } }, "a send waits for the reader")
        let sent = outcome.sent.withLock { $0 } ?? []
        #expect(sent.first == true)
        #expect(sent.last == false)
    }

    @Test("without $NOTIFY_SOCKET nothing is sent")
    func disabledWithoutSocket() {
        let notifier = SystemdNotifier(environment: [:])
        #expect(!notifier.isEnabled)
        #expect(!notifier.notify(["READY=1"]))
    }

    struct WatchdogCase: CustomTestStringConvertible, Sendable {
        var name: String
        var environment: [String: String]
        var expected: Duration?
        var testDescription: String { name }
    }

    @Test("the watchdog interval is half of WATCHDOG_USEC, for this process only", arguments: [
        WatchdogCase(name: "unset", environment: [:], expected: nil),
        WatchdogCase(name: "30 s", environment: ["WATCHDOG_USEC": "30000000"], expected: .seconds(15)),
        WatchdogCase(name: "for this pid", environment: ["WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "42"], expected: .seconds(1)),
        WatchdogCase(name: "for another pid", environment: ["WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "43"], expected: nil),
        WatchdogCase(name: "garbage", environment: ["WATCHDOG_USEC": "soon"], expected: nil),
    ])
    func watchdogInterval(_ item: WatchdogCase) {
        #expect(SystemdNotifier.watchdogInterval(environment: item.environment, pid: 42) == item.expected)
    }
}
