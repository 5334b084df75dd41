import DocWatchStore
import Foundation
import Testing

/// The `-wal` a writer keeps for read-only readers, as the next process finds it.
@Suite("kept WAL file")
struct WALSizeTests {
    @Test("the writer leaves its -wal empty when it closes, so the next open has no log to read back")
    func emptiedAtClose() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("docwatch-wal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("docwatch.sqlite").path
        do {
            let writer = try DocWatchDatabase.open(path: path)
            _ = try writer.store(Pages.page(text: "正文。"))
            #expect(try Self.size(path + "-wal") > 0)
        }
        #expect(try Self.size(path + "-wal") == 0)
        #expect(FileManager.default.fileExists(atPath: path + "-shm"))
        #expect(try DocWatchDatabase.openReader(path: path).document("1")?.current.text == "正文。")
    }

    private static func size(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? -1
    }
}
