import Foundation
import GRDB
import Testing

@testable import DocWatchStore

/// What a commit promises after a power cut: the writer's `synchronous` level.
@Suite("durable commits")
struct DurableCommitTests {
    /// GRDB's pool turns WAL on with `synchronous = NORMAL` on its writer, after our own set-up ran; with
    /// NORMAL a power cut can undo commits whose events were already written out and pushed.
    @Test("the writer of a database file commits with synchronous = FULL (2), not the NORMAL GRDB's WAL set-up leaves")
    func writerIsFull() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("docwatch-sync-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try DocWatchDatabase.open(path: directory.appendingPathComponent("docwatch.sqlite").path)
        let level = try database.writer.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        #expect(level == 2)
    }
}
