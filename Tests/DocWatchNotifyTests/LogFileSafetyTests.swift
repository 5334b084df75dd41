import DocWatchCore
@testable import DocWatchNotify
import DocWatchStore
import Foundation
import Glibc
import Testing

/// Symlinks planted in the log directory are refused, and modes do not depend on the umask.
@Suite("Notifier: file safety", .serialized)
struct LogFileSafetyTests {
    /// A file outside the log directory that a planted link points at.
    static func victim(in space: NotifyWorkspace, contents: String) throws -> String {
        let path = space.directory.appendingPathComponent("victim.txt").path
        try contents.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    static func mode(_ path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & 0o7777 : 0
    }

    @Test("a change file planted as a symlink is refused with a clear error and its target untouched")
    func plantedChangeFile() throws {
        let space = try NotifyWorkspace()
        try space.store("https://a.example/1", "一")
        try FileManager.default.createDirectory(atPath: space.logDir, withIntermediateDirectories: true)
        let victim = try Self.victim(in: space, contents: "precious\n")
        try FileManager.default.createSymbolicLink(atPath: space.changeFile, withDestinationPath: victim)

        let error = try #require(throws: NotifyError.self) { try Notifier(database: space.database, logDir: space.logDir).drain() }
        #expect(error.description.contains("is a symbolic link"), "\(error)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        #expect(try space.database.pendingEvents().count == 1)
    }

    @Test("diffs/ planted as a symlink to another directory is refused and that directory stays empty")
    func plantedDiffDirectory() throws {
        let space = try NotifyWorkspace()
        try space.store("https://a.example/1", "第一段。")
        try space.store("https://a.example/1", "第一段。\n新的一句。", at: 60)
        let elsewhere = space.directory.appendingPathComponent("elsewhere").path
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: space.logDir, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: space.logDir + "/diffs", withDestinationPath: elsewhere)

        let error = try #require(throws: NotifyError.self) { try Notifier(database: space.database, logDir: space.logDir).drain() }
        #expect(error.description.contains("is a symbolic link"), "\(error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)
    }

    @Test("a diff file planted as a symlink is replaced, not written through")
    func plantedDiffFile() throws {
        let space = try NotifyWorkspace()
        try space.store("https://a.example/1", "第一段。")
        try space.store("https://a.example/1", "第一段。\n新的一句。", at: 60)
        try FileManager.default.createDirectory(atPath: space.logDir + "/diffs/2026-08-06", withIntermediateDirectories: true)
        let victim = try Self.victim(in: space, contents: "precious\n")
        try FileManager.default.createSymbolicLink(atPath: space.logDir + "/diffs/2026-08-06/2.diff", withDestinationPath: victim)

        try Notifier(database: space.database, logDir: space.logDir).drain()
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        #expect(try String(contentsOfFile: space.logDir + "/diffs/2026-08-06/2.diff", encoding: .utf8).contains("+新的一句。"))
        let type = try FileManager.default.attributesOfItem(atPath: space.logDir + "/diffs/2026-08-06/2.diff")[.type] as? FileAttributeType
        #expect(type == .typeRegular, "a regular file now, not the link")
    }

    @Test("under umask 000 the log directory, diffs/ and its day folders, change and diff files are 0750 and 0640")
    func modesUnderPermissiveUmask() throws {
        let space = try NotifyWorkspace()
        try space.store("https://a.example/1", "第一段。")
        try space.store("https://a.example/1", "第一段。\n新的一句。", at: 60)
        let logDir = space.logDir + "/nested/log"
        // The umask is the process's: set it only around the call under test.
        let saved = umask(0)
        let drained = Result { try Notifier(database: space.database, logDir: logDir).drain() }
        umask(saved)
        _ = try drained.get()
        #expect(Self.mode(space.logDir) == 0o750)
        #expect(Self.mode(space.logDir + "/nested") == 0o750)
        #expect(Self.mode(logDir) == 0o750)
        #expect(Self.mode(logDir + "/diffs") == 0o750)
        #expect(Self.mode(logDir + "/" + ChangeLogDirectory.fileName(day: "2026-08-06")) == 0o640)
        #expect(Self.mode(logDir + "/diffs/2026-08-06") == 0o750)
        #expect(Self.mode(logDir + "/diffs/2026-08-06/2.diff") == 0o640)
    }
}
