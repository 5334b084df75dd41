import DocWatchCore
@testable import DocWatchDaemon
import Foundation
import Testing

/// Which lock `docwatch run` takes: the SQLite file's (one daemon per file), or on a shared PostgreSQL
/// database its log directory's (several daemons, each with a directory of its own).
@Suite("daemon locks on a shared database")
struct ClusterLockTests {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("docwatch-lock-\(UUID().uuidString)").path

    func configuration(logDir: String) -> Configuration {
        Configuration(database: "postgresql://docwatch@127.0.0.1:1/docwatch", logDir: scratch + "/" + logDir)
    }

    @Test("two daemons on one PostgreSQL database with their own log directories both start")
    func ownLogDirectoriesDoNotConflict() throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let first = try DaemonLock.acquire(for: configuration(logDir: "a"), shared: true)
        let second = try DaemonLock.acquire(for: configuration(logDir: "b"), shared: true)
        withExtendedLifetime((first, second)) {}
    }

    @Test("a second daemon on the same log directory is refused, naming the directory's lock")
    func sameLogDirectoryIsRefused() throws {
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let first = try DaemonLock.acquire(for: configuration(logDir: "a"), shared: true)
        #expect {
            try DaemonLock.acquire(for: configuration(logDir: "a"), shared: true)
        } throws: { error in
            guard case DaemonError.alreadyRunning(let message) = error else { return false }
            return message.contains("\(scratch)/a/.daemon.lock") && message.contains("one daemon per log directory")
        }
        withExtendedLifetime(first) {}
    }
}
