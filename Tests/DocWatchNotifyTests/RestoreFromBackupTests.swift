import DocWatchCore
@testable import DocWatchNotify
import DocWatchStore
import Foundation
import Logging
import Synchronization
import Testing

/// A database put back from a `docwatch backup` copy restarts the outbox's seq sequence below what the
/// change files hold; the notifier moves it past them so no new event is taken for written and dropped.
@Suite("Notifier: a database restored from a backup")
struct RestoreFromBackupTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("docwatch-restore-\(UUID().uuidString)")
    var databasePath: String { directory.appendingPathComponent("db.sqlite").path }
    var backupPath: String { directory.appendingPathComponent("backup.sqlite").path }
    var logDir: String { directory.appendingPathComponent("log").path }

    /// Keeps every warning's message.
    final class Warnings: Sendable {
        let messages = Mutex<[String]>([])
        var logger: Logger { Logger(label: "test") { _ in Handler(warnings: self) } }

        struct Handler: LogHandler {
            let warnings: Warnings
            var metadata: Logger.Metadata = [:]
            var logLevel: Logger.Level = .warning
            subscript(metadataKey key: String) -> Logger.Metadata.Value? {
                get { metadata[key] }
                set { metadata[key] = newValue }
            }

            func log(event: LogEvent) {
                warnings.messages.withLock { $0.append(event.message.description) }
            }
        }
    }

    func store(_ database: DocWatchDatabase, _ url: String, _ text: String) throws {
        _ = try database.store(IngestedPage(
            source: "s", url: url, fetchedAt: Date(timeIntervalSince1970: 1_786_000_000), body: Array(text.utf8),
            document: ExtractedDocument(title: "标题", script: "zh-Hans", text: text)))
    }

    /// Events 1–2 written, 3 pending at the backup; 3–4 written after it; then the backup put back
    /// in the database's place (its `-wal` and `-shm` removed, as the README's restore says).
    func writeThenRestore() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        do {
            let database = try DocWatchDatabase.open(path: databasePath)
            let notifier = Notifier(database: database, logDir: logDir)
            try store(database, "https://a.example/1", "一")
            try store(database, "https://a.example/2", "二")
            try notifier.drain()
            try store(database, "https://a.example/3", "三")
            _ = try database.backup(to: backupPath)
            try store(database, "https://a.example/4", "四")
            try notifier.drain()
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: databasePath + suffix) }
        try FileManager.default.copyItem(atPath: backupPath, toPath: databasePath)
    }

    func lines() throws -> [ChangeEvent] {
        try ChangeLogDirectory(path: logDir).changeFiles().flatMap { file in
            try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
                .map { try JSONDecoder().decode(ChangeEvent.self, from: Data($0.utf8)) }
        }
    }

    @Test("a version stored after the restore is written with a seq past every seq in the files, once, with a warning")
    func newEventAfterRestore() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try writeThenRestore()
        let database = try DocWatchDatabase.open(path: databasePath)
        let warnings = Warnings()
        let notifier = Notifier(database: database, logDir: logDir, logger: warnings.logger)
        try store(database, "https://a.example/5", "五")
        #expect(try notifier.drain() == 1)

        let events = try lines()
        #expect(events.map(\.seq) == [1, 2, 3, 4, 5])
        #expect(events.last?.url == "https://a.example/5")
        #expect(try database.pendingEvents().isEmpty)
        #expect(warnings.messages.withLock { $0.count } == 1)
    }

    @Test("the event pending in the restored outbox counts as written at start and is not written twice")
    func restoredPendingEventNotRewritten() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try writeThenRestore()
        let database = try DocWatchDatabase.open(path: databasePath)
        #expect(try database.pendingEvents().map(\.event.seq) == [3])
        let notifier = Notifier(database: database, logDir: logDir)
        #expect(try database.pendingEvents().isEmpty)
        #expect(try notifier.drain() == 0)
        #expect(try lines().map(\.seq) == [1, 2, 3, 4])
        #expect(try database.advanceOutboxSequence(past: 4) == nil)
    }
}
