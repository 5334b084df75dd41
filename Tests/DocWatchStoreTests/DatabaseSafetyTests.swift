import DocWatchCore
import DocWatchStore
import Foundation
import Glibc
import Testing

/// The database file's modes do not depend on the umask, and a damaged file is named as corrupt.
@Suite("Store: file modes and corruption", .serialized)
struct DatabaseSafetyTests {
    static func scratch() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("docwatch-safety-\(UUID().uuidString)")
    }

    static func mode(_ path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & 0o7777 : 0
    }

    @Test("under umask 000 a new database directory is 0750 and the database, -wal and -shm 0640")
    func modesUnderPermissiveUmask() throws {
        let directory = Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("state/docwatch.sqlite").path
        // The umask is the process's: set it only around the call under test.
        let saved = umask(0)
        let opened = Result { () throws(StoreError) -> DocWatchDatabase in
            let database = try DocWatchDatabase.open(path: path)
            _ = try database.store(Pages.page(text: "正文。"))
            return database
        }
        umask(saved)
        let database = try opened.get()
        #expect(Self.mode(directory.path) == 0o750)
        #expect(Self.mode(directory.appendingPathComponent("state").path) == 0o750)
        #expect(Self.mode(path) == 0o640)
        #expect(Self.mode(path + "-wal") == 0o640)
        #expect(Self.mode(path + "-shm") == 0o640)
        _ = database
    }

    /// A database with enough rows to span many pages, closed (checkpointed) before it returns.
    static func populatedDatabase(at path: String) throws -> Int {
        do {
            let database = try DocWatchDatabase.open(path: path)
            for index in 0..<150 {
                let text = (0..<20).map { "第\(index)篇第\($0)段：江苏推进复工复产，新建5G基站\(index * 7 + $0)座。" }.joined(separator: "\n")
                _ = try database.store(Pages.page("https://gov.example/\(index).html", title: "文章\(index)", text: text))
            }
        }
        let size = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        // The last connection's close checkpointed everything into the main file; the WAL files a writer
        // keeps for readers (persisted WAL) hold nothing more, so the damage below hits the only copy.
        try? FileManager.default.removeItem(atPath: path + "-wal")
        try? FileManager.default.removeItem(atPath: path + "-shm")
        return size
    }

    /// Overwrites pages in the middle of the file (not the header page) with garbage.
    static func damage(_ path: String, size: Int) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        defer { try? handle.close() }
        var generator = SystemRandomNumberGenerator()
        let pageSize = 4096
        let pages = size / pageSize
        for page in stride(from: pages / 4, to: pages * 3 / 4, by: 1) {
            try handle.seek(toOffset: UInt64(page * pageSize))
            try handle.write(contentsOf: Data((0..<pageSize).map { _ in UInt8.random(in: 0...255, using: &generator) }))
        }
    }

    @Test("garbage in the middle pages is found by quick_check and named as corruption, with the path")
    func corruptMiddlePages() throws {
        let directory = Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("docwatch.sqlite").path
        let size = try Self.populatedDatabase(at: path)
        #expect(size > 100 * 4096)
        try DocWatchDatabase.open(path: path).quickCheck()

        try Self.damage(path, size: size)
        let error = try #require(throws: StoreError.self) {
            let database = try DocWatchDatabase.open(path: path)
            try database.quickCheck()
        }
        #expect(error.corruptDatabase == path)
        #expect(error.description.hasPrefix("database \(path) is corrupt: "), "\(error)")
        #expect(error.description.hasSuffix(", restore from a backup"))
        #expect(!error.description.contains("\n"), "one line")
    }

    @Test("a file that is not a database at all is named as corruption when opened")
    func notADatabase() throws {
        let directory = Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("docwatch.sqlite").path
        try Data(repeating: 0x5a, count: 8192).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: StoreError.self) { try DocWatchDatabase.open(path: path) }
        #expect(error.description == "database \(path) is corrupt: file is not a database, restore from a backup", "\(error)")
    }
}
