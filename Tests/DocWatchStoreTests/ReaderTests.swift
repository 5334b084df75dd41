import DocWatchCore
import DocWatchStore
import Foundation
import Testing

/// `DocWatchDatabase.openReader`: read-only, never creating, never migrating.
@Suite("read-only reader")
struct ReaderTests {
    @Test("a missing database throws .missing and creates neither the file nor its directory")
    func missing() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("docwatch-reader-\(UUID().uuidString)")
        let path = directory.appendingPathComponent("state/docwatch.sqlite").path
        #expect { try DocWatchDatabase.openReader(path: path) } throws: { error in
            guard case ReaderOpenError.missing(let named) = error else { return false }
            return named == path
        }
        #expect(!FileManager.default.fileExists(atPath: directory.path))
    }

    @Test("a database no writer has migrated is reported, not migrated")
    func olderSchema() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("docwatch-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("empty.sqlite").path
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        #expect { try DocWatchDatabase.openReader(path: path) } throws: { error in
            guard case ReaderOpenError.olderSchema = error else { return false }
            return "\(error)".contains("run the daemon or docwatch fetch once to migrate")
        }
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber == 0)
    }

    @Test("the writer keeps -wal and -shm when it closes; without them the reader still opens (immutable) and reads")
    func walFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("docwatch-reader-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("docwatch.sqlite").path
        do {
            let writer = try DocWatchDatabase.open(path: path)
            _ = try writer.store(Pages.page(text: "正文。"))
        }
        #expect(FileManager.default.fileExists(atPath: path + "-wal") && FileManager.default.fileExists(atPath: path + "-shm"))
        #expect(try DocWatchDatabase.openReader(path: path).document("1")?.current.text == "正文。")

        try FileManager.default.removeItem(atPath: path + "-wal")
        try FileManager.default.removeItem(atPath: path + "-shm")
        let reader = try DocWatchDatabase.openReader(path: path)
        #expect(try reader.document("1")?.current.text == "正文。")
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
    }

    @Test("health(of:) shows the given sources with their stored health, never-polled ones as such, and writes nothing", arguments: StoreBackend.available)
    func healthOfConfiguredSources(_ backend: StoreBackend) throws {
        let store = try backend.open()
        try store.database.syncSources([Source(id: "a", url: "https://a.example/"), Source(id: "b", url: "https://b.example/")])
        _ = try store.database.recordSourcePoll(source: "b", time: Pages.start, outcome: .new, error: nil, nextDue: nil)

        let health = try store.database.health(of: [Source(id: "c", url: "https://c.example/"), Source(id: "b", url: "https://b2.example/")])
        #expect(health.map(\.id) == ["b", "c"])
        #expect(health[0].lastPoll == Pages.start && health[0].outcome == "new" && health[0].url == "https://b2.example/")
        #expect(health[1].lastPoll == nil && health[1].documents == 0)
        #expect(try store.database.sourceHealth().map(\.id) == ["a", "b"], "a source missing from the given config was marked removed")
    }
}
