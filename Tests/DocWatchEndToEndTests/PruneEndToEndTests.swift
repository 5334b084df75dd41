import DocWatchTestSupport
import Foundation
import Testing

/// `docwatch prune [--dry-run]` on a store and log directory the real binary filled.
@Suite("docwatch prune")
struct PruneEndToEndTests {
    @Test("--dry-run reports and changes nothing; prune then frees exactly that: old versions, old change files and their diffs")
    func dryRunThenPrune() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let space = try Workspace()
        let url = server.url("/a.html")
        try space.writeConfig(sources: pageSource("a", url),
                              extra: "[retention]\nkeep_versions = 2\nkeep_changes = \"30d\"\n")
        for paragraphs in [["第一段。"], ["第一段。", "第二段。"], ["第一段。", "第二段。", "第三段。"]] {
            server.set(path: "/a.html", body: Fixtures.article(title: "复工复产进展", site: "某网", paragraphs: paragraphs, charset: "utf-8"))
            #expect(try await space.run(["fetch"]).status == 0)
        }
        let today = try #require(try space.events().last?.time.prefix(10)).description
        // An old day's change file and diff folder, and a diff file of the old flat layout, all from 2020.
        let old = space.logDir + "/changes-2020-01-01.jsonl"
        try #"{"seq":0,"id":"evt-000000","time":"2020-01-01T00:00:00Z","type":"source.failing","source":"a"}"#
            .appending("\n").write(toFile: old, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: space.logDir + "/diffs/2020-01-01", withIntermediateDirectories: true)
        try "old diff\n".write(toFile: space.logDir + "/diffs/2020-01-01/1.diff", atomically: true, encoding: .utf8)
        // A day folder whose change file was removed by hand goes too.
        try FileManager.default.createDirectory(atPath: space.logDir + "/diffs/2020-01-02", withIntermediateDirectories: true)
        try "orphan diff\n".write(toFile: space.logDir + "/diffs/2020-01-02/2.diff", atomically: true, encoding: .utf8)
        let flat = space.logDir + "/diffs/99.diff"
        try "flat diff\n".write(toFile: flat, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_577_836_800)], ofItemAtPath: flat)

        let dry = try await space.run(["prune", "--dry-run", "--json"])
        #expect(dry.status == 0, "\(dry.stderr)")
        let counts = try #require(try Workspace.jsonLines(dry.stdout).first)
        #expect(counts["versions"] as? Int == 1)
        #expect(counts["bodies"] as? Int == 1)
        #expect(counts["change_files"] as? Int == 1)
        #expect(counts["diff_files"] as? Int == 3)
        #expect(counts["dry_run"] as? Int == 1)
        #expect(FileManager.default.fileExists(atPath: old) && FileManager.default.fileExists(atPath: flat))
        #expect(try await space.run(["diff", url, "--from", "1", "--to", "3"]).status == 0, "dry run deleted a version")

        let text = try await space.run(["prune"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("retention: keep_versions 2, keep_raw all, keep_changes 30d, keep_fetch_log 30d"))
        #expect(text.stdout.contains("freed:"))
        #expect(text.stdout.contains("  versions        1\n"), "\(text.stdout)")
        #expect(text.stdout.contains("  change files    1\n"))
        #expect(text.stdout.contains("  diff files      3\n"))

        #expect(!FileManager.default.fileExists(atPath: old))
        #expect(!FileManager.default.fileExists(atPath: space.logDir + "/diffs/2020-01-01"))
        #expect(!FileManager.default.fileExists(atPath: space.logDir + "/diffs/2020-01-02"))
        #expect(!FileManager.default.fileExists(atPath: flat))
        #expect(FileManager.default.fileExists(atPath: space.logDir + "/changes-\(today).jsonl"))
        #expect(FileManager.default.fileExists(atPath: space.logDir + "/diffs/\(today)/3.diff"))
        #expect(try await space.run(["diff", url, "--from", "2", "--to", "3"]).status == 0)
        #expect(try await space.run(["diff", url, "--from", "1", "--to", "3"]).status == 66)

        let again = try await space.run(["prune", "--json"])
        let none = try #require(try Workspace.jsonLines(again.stdout).first)
        #expect(none["versions"] as? Int == 0 && none["change_files"] as? Int == 0 && none["diff_files"] as? Int == 0)
    }
}
