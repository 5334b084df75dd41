import DocWatchCore
@testable import DocWatchNotify
import DocWatchStore
import Foundation
import Testing

@Suite("Notifier")
struct NotifierTests {
    typealias Workspace = NotifyWorkspace

    struct Crash: Error {}

    @Test("events go to changes-YYYY-MM-DD.jsonl in seq order, each once")
    func writesInOrder() throws {
        let space = try Workspace()
        try space.store("https://a.example/1", "一")
        try space.store("https://a.example/2", "二")
        let notifier = Notifier(database: space.database, logDir: space.logDir)
        #expect(try notifier.drain() == 2)
        #expect(try notifier.drain() == 0)
        let events = try space.lines()
        #expect(events.map(\.seq) == [1, 2])
        #expect(events.map(\.id) == ["evt-000001", "evt-000002"])
        #expect(FileManager.default.fileExists(atPath: space.logDir + "/changes-2026-08-06.jsonl"))
        #expect(try space.database.pendingEvents().isEmpty)
    }

    @Test("a changed document's diff goes to diffs/<day>/<seq>.diff and the event names it")
    func diffFile() throws {
        let space = try Workspace()
        try space.store("https://a.example/1", "第一段。")
        try space.store("https://a.example/1", "第一段。\n新的一句。", at: 60)
        try Notifier(database: space.database, logDir: space.logDir).drain()
        let changed = try #require(try space.lines().last)
        #expect(changed.type == .documentChanged)
        let day = String(changed.time.prefix(10))
        #expect(changed.diff?.file == "diffs/\(day)/2.diff")
        let diff = try String(contentsOfFile: space.logDir + "/diffs/\(day)/2.diff", encoding: .utf8)
        #expect(diff.contains("+新的一句。"))
    }

    @Test("killed between the write and the mark, the next notifier writes nothing twice and loses nothing")
    func crashBetweenWriteAndMark() throws {
        let space = try Workspace()
        try space.store("https://a.example/1", "一")
        try space.store("https://a.example/2", "二")
        try space.store("https://a.example/3", "三")
        let crashing = Notifier(database: space.database, logDir: space.logDir, afterWrite: { seq in
            if seq == 2 { throw Crash() }
        })
        #expect(throws: Crash.self) { try crashing.drain() }
        // Event 2 is on disk but still pending in the outbox, as after a kill at that instant.
        #expect(try space.database.pendingEvents().map(\.event.seq) == [2, 3])
        let restarted = Notifier(database: space.database, logDir: space.logDir)
        try restarted.drain()
        #expect(try space.lines().map(\.seq) == [1, 2, 3])
    }

    @Test("a line half-written by a crash is cut off and its event written whole")
    func halfWrittenLine() throws {
        let space = try Workspace()
        try space.store("https://a.example/1", "一")
        try Notifier(database: space.database, logDir: space.logDir).drain()
        try space.store("https://a.example/2", "二")
        let file = try #require(ChangeLogDirectory(path: space.logDir).changeFiles().last)
        let handle = try #require(FileHandle(forWritingAtPath: file))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"seq\":2,\"id\":\"evt-0".utf8))
        try handle.close()
        try Notifier(database: space.database, logDir: space.logDir).drain()
        #expect(try space.lines().map(\.seq) == [1, 2])
    }

    @Test("an 80,000-character title is cut to 500 characters with an ellipsis, so its line stays short")
    func longTitleCapped() throws {
        let space = try Workspace()
        try space.store("https://a.example/1", "一", title: String(repeating: "长", count: 80_000))
        try Notifier(database: space.database, logDir: space.logDir).drain()
        let title = try #require(try space.lines().first?.title)
        #expect(title.unicodeScalars.count == ChangeEvent.titleLimit)
        #expect(title.hasSuffix("…"))
        #expect(title.hasPrefix(String(repeating: "长", count: 499)))
        #expect(space.changeFileBytes().count < 4096)
    }

    @Test("a long source.failing error is capped too")
    func longErrorCapped() {
        let event = ChangeEvent(seq: 1, time: "2026-08-06T00:00:00Z", type: .sourceFailing, source: "s",
                                error: String(repeating: "e", count: 50_000))
        #expect(event.error?.unicodeScalars.count == ChangeEvent.errorLimit)
    }

    @Test("an unwritable log directory is an error and the events stay pending")
    func unwritableDirectory() throws {
        let space = try Workspace()
        try space.store("https://a.example/1", "一")
        let blocker = space.directory.appendingPathComponent("not-a-dir")
        _ = FileManager.default.createFile(atPath: blocker.path, contents: Data("x".utf8))
        #expect(throws: NotifyError.self) { try Notifier(database: space.database, logDir: blocker.path + "/log").drain() }
        #expect(try space.database.pendingEvents().count == 1)
    }
}
