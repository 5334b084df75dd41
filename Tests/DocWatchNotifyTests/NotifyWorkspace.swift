import DocWatchCore
@testable import DocWatchNotify
import DocWatchStore
import Foundation

/// A temporary directory with a real SQLite database and a log directory, for notifier tests.
final class NotifyWorkspace {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("docwatch-notify-\(UUID().uuidString)")
    let database: DocWatchDatabase
    var logDir: String { directory.appendingPathComponent("log").path }
    /// The file the test events of 2026-08-06 go to.
    var changeFile: String { logDir + "/" + ChangeLogDirectory.fileName(day: "2026-08-06") }

    init() throws {
        database = try DocWatchDatabase.open(path: directory.appendingPathComponent("db.sqlite").path)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Stores a version of `url` with `text` (a new document, or a change of it).
    func store(_ url: String, _ text: String, title: String = "标题", at offset: TimeInterval = 0) throws {
        _ = try database.store(IngestedPage(
            source: "s", url: url, fetchedAt: Date(timeIntervalSince1970: 1_786_000_000 + offset), body: Array(text.utf8),
            document: ExtractedDocument(title: title, script: "zh-Hans", text: text)))
    }

    struct PartialLine: Error { var file: String }

    /// Every line of every change file, decoded; throws on a line that is not an event, or a file
    /// that does not end at a line boundary.
    func lines() throws -> [ChangeEvent] {
        try ChangeLogDirectory(path: logDir).changeFiles().flatMap { file in
            let text = try String(contentsOfFile: file, encoding: .utf8)
            guard text.isEmpty || text.hasSuffix("\n") else { throw PartialLine(file: file) }
            return try text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                .map { try JSONDecoder().decode(ChangeEvent.self, from: Data($0.utf8)) }
        }
    }

    /// The raw bytes of the day's change file.
    func changeFileBytes() -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: changeFile) ?? Data())
    }
}
