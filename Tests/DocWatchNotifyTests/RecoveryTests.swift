import DocWatchCore
@testable import DocWatchNotify
import DocWatchStore
import Foundation
import Testing

/// After a crash the notifier finds the last line written however long it is, so nothing is written twice.
@Suite("Notifier: recovery from long lines")
struct RecoveryTests {
    struct Crash: Error {}

    /// A URL of about `bytes` bytes: URLs are not capped, so its event line is that long.
    static func longURL(_ bytes: Int, tag: String) -> String {
        "https://a.example/\(tag)?" + String(repeating: "q", count: bytes)
    }

    @Test("killed between the write and the mark of a 300 KB line, the restart writes nothing twice",
          arguments: [300_000, 1_200_000])
    func crashAfterLongLine(bytes: Int) throws {
        let space = try NotifyWorkspace()
        try space.store("https://a.example/1", "一")
        try space.store(Self.longURL(bytes, tag: "long"), "二")
        try space.store("https://a.example/3", "三")
        let crashing = Notifier(database: space.database, logDir: space.logDir, afterWrite: { seq in
            if seq == 2 { throw Crash() }
        })
        #expect(throws: Crash.self) { try crashing.drain() }
        #expect(try space.database.pendingEvents().map(\.event.seq) == [2, 3])
        #expect(space.changeFileBytes().count > bytes)

        try Notifier(database: space.database, logDir: space.logDir).drain()
        #expect(try space.lines().map(\.seq) == [1, 2, 3])
    }

    @Test("a long half-written line after a long whole one is cut back, and the whole one counts")
    func longFragmentAfterLongLine() throws {
        let space = try NotifyWorkspace()
        try space.store(Self.longURL(300_000, tag: "first"), "一")
        try Notifier(database: space.database, logDir: space.logDir).drain()
        try space.store(Self.longURL(300_000, tag: "second"), "二")
        let handle = try #require(FileHandle(forWritingAtPath: space.changeFile))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(("{\"seq\":2,\"url\":\"" + String(repeating: "x", count: 200_000)).utf8))
        try handle.close()
        try Notifier(database: space.database, logDir: space.logDir).drain()
        #expect(try space.lines().map(\.seq) == [1, 2])
    }

    @Test("the last line is found across chunk boundaries", arguments: [0, 1, 65_535, 65_536, 65_537, 200_000])
    func lastLineAcrossChunks(padding: Int) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("docwatch-lines-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = ChangeEvent(seq: 7, time: "2026-08-06T00:00:00Z", type: .documentNew, source: "s").jsonLine()
        let last = ChangeEvent(seq: 8, time: "2026-08-06T00:00:00Z", type: .documentNew, source: "s",
                               url: "https://a.example/" + String(repeating: "p", count: padding)).jsonLine()
        try (first + "\n" + last + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        let size = Int64(try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int))
        #expect(try ChangeLogDirectory.lastSeq(fd: fd, size: size) == 8)
        var reader = BackwardLineReader(fd: fd, end: size)
        #expect(try reader.previousLine().map { String(decoding: $0, as: UTF8.self) } == last)
        #expect(try reader.previousLine().map { String(decoding: $0, as: UTF8.self) } == first)
        #expect(try reader.previousLine() == nil)
    }
}
