import DocWatchCore
import DocWatchTestSupport
import Foundation
import Testing

/// `docwatch backup`, then the README's restore, then more changes: every change still reaches the log.
@Suite("End to end: restore from a backup", .serialized)
struct RestoreEndToEndTests {
    static func page(_ paragraph: String) -> String {
        Fixtures.article(title: "复工复产进展", site: "某网", paragraphs: [paragraph], charset: "utf-8")
    }

    @Test("a change fetched after restoring a backup is written with the next seq after the log's, and fetch says why once")
    func changeAfterRestore() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let space = try Workspace()
        try space.writeConfig(sources: pageSource("a", server.url("/a.html")))
        server.set(path: "/a.html", body: Self.page("第一版正文，全省规模以上工业企业复工。"))
        #expect(try await space.run(["fetch"]).status == 0)
        let copy = space.directory.appendingPathComponent("backup.sqlite").path
        #expect(try await space.run(["backup", copy]).status == 0)
        server.set(path: "/a.html", body: Self.page("第二版正文，复工率达到百分之九十。"))
        #expect(try await space.run(["fetch"]).status == 0)

        // The restore: the daemon stopped, the copy put in the database's place, its -wal and -shm gone.
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: space.databasePath + suffix) }
        try FileManager.default.copyItem(atPath: copy, toPath: space.databasePath)

        server.set(path: "/a.html", body: Self.page("第三版正文，产业链全面恢复。"))
        let after = try await space.run(["fetch"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stderr.split(separator: "\n").filter { $0.contains("outbox sequence was behind the change files") }.count == 1,
                "\(after.stderr)")
        let events = try space.events()
        #expect(events.map(\.seq) == [1, 2, 3])
        #expect(events.map(\.type) == [.documentNew, .documentChanged, .documentChanged])
    }
}
