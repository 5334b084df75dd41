import DocWatchCore
import Foundation
import GRDB

/// What a store prune may delete; nil fields keep everything of that kind.
public struct StorePrunePlan: Sendable, Equatable {
    public var keepVersions: Int?
    /// Bodies whose newest version was fetched before this lose their bytes (the row and hash stay).
    public var rawBefore: Date?
    /// Delivered outbox rows written before this are deleted.
    public var outboxBefore: Date?
    public var fetchLogBefore: Date?

    public init(keepVersions: Int? = nil, rawBefore: Date? = nil, outboxBefore: Date? = nil, fetchLogBefore: Date? = nil) {
        self.keepVersions = keepVersions
        self.rawBefore = rawBefore
        self.outboxBefore = outboxBefore
        self.fetchLogBefore = fetchLogBefore
    }
}

/// What a store prune deleted (or, dry, would delete).
public struct StorePruneResult: Sendable, Equatable {
    public var versions = 0
    /// Bodies deleted (no version left) or emptied (older than `keep_raw`).
    public var bodies = 0
    /// Compressed body bytes freed inside the database file.
    public var bodyBytes: Int64 = 0
    public var outboxRows = 0
    public var fetchLogRows = 0

    public init() {}
}

extension DocWatchDatabase {
    /// Applies `plan` in one transaction; `dryRun` rolls it back, so the counts are exactly what a real
    /// prune would free. Facts of deleted versions go with them (foreign key cascade); documents, their
    /// current version, search rows and near-duplicate links are untouched.
    public func prune(_ plan: StorePrunePlan, dryRun: Bool) throws(StoreError) -> StorePruneResult {
        do {
            var result = StorePruneResult()
            try writer.writeWithoutTransaction { db in
                try db.inTransaction {
                    result = try Self.prune(plan, db)
                    return dryRun ? .rollback : .commit
                }
            }
            return result
        } catch {
            throw StoreError(operation: "prune the store", error, database: path)
        }
    }

    private static func prune(_ plan: StorePrunePlan, _ db: Database) throws -> StorePruneResult {
        var result = StorePruneResult()
        if let keep = plan.keepVersions {
            let freedHashes = try deleteOldVersions(keep: keep, db, count: &result.versions)
            try deleteUnreferencedBodies(freedHashes, db, result: &result)
        }
        if let before = plan.rawBefore {
            let condition = """
                length(data) > 0 AND raw_hash IN (
                    SELECT raw_hash FROM version GROUP BY raw_hash HAVING max(fetched_at) < ?)
                """
            if let row = try Row.fetchOne(db, sql: "SELECT count(*), total(length(data)) FROM body WHERE \(condition)",
                                          arguments: [before]) {
                result.bodies += row[0] as Int
                result.bodyBytes += Int64(row[1] as Double)
            }
            try db.execute(sql: "UPDATE body SET data = X'' WHERE \(condition)", arguments: [before])
        }
        if let before = plan.outboxBefore {
            // A push target still owed an event keeps it: nothing past the lowest push cursor goes.
            try db.execute(sql: """
                DELETE FROM outbox WHERE delivered = 1 AND time < ?
                AND seq <= COALESCE((SELECT MIN(seq) FROM push_cursor), seq)
                """, arguments: [before])
            result.outboxRows = db.changesCount
        }
        if let before = plan.fetchLogBefore {
            try db.execute(sql: "DELETE FROM fetch_log WHERE time < ?", arguments: [before])
            result.fetchLogRows = db.changesCount
        }
        return result
    }

    /// Deletes every version `RetentionPolicy.versionsToDelete` names; returns the raw hashes they held.
    private static func deleteOldVersions(keep: Int, _ db: Database, count: inout Int) throws -> Set<String> {
        let rows = try Row.fetchAll(db, sql: """
            SELECT v.document, v.id, v.number, v.raw_hash, v.id = d.current_version AS current
            FROM version v JOIN document d ON d.id = v.document
            WHERE v.document IN (SELECT document FROM version GROUP BY document HAVING count(*) > ?)
            ORDER BY v.document
            """, arguments: [keep])
        var hashes: Set<String> = []
        let delete = try db.cachedStatement(sql: "DELETE FROM version WHERE id = ?")
        for version in PrunableVersion.doomed(rows.map(PrunableVersion.init), keep: keep) {
            try delete.execute(arguments: [version.id])
            hashes.insert(version.rawHash)
            count += 1
        }
        return hashes
    }

    /// Deletes the bodies among `hashes` that no remaining version refers to.
    private static func deleteUnreferencedBodies(_ hashes: Set<String>, _ db: Database, result: inout StorePruneResult) throws {
        let referenced = try db.cachedStatement(sql: "SELECT 1 FROM version WHERE raw_hash = ? LIMIT 1")
        for hash in hashes.sorted() where try Int.fetchOne(referenced, arguments: [hash]) == nil {
            let size = try Int64.fetchOne(db, sql: "SELECT length(data) FROM body WHERE raw_hash = ?", arguments: [hash]) ?? 0
            try db.execute(sql: "DELETE FROM body WHERE raw_hash = ?", arguments: [hash])
            if db.changesCount > 0 {
                result.bodies += 1
                result.bodyBytes += size
            }
        }
    }
}

extension DocWatchDatabase {
    /// What is wrong with the store after a prune, empty when nothing: SQLite's `integrity_check` and
    /// `foreign_key_check`, the search index's own check, and documents whose current version is gone.
    /// Reads every page: for tests and diagnosis, not for every prune.
    public func consistencyProblems() throws(StoreError) -> [String] {
        try write("check the store") { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            problems += try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { "foreign key: \($0)" }
            do {
                try db.execute(sql: "INSERT INTO document_fts(document_fts) VALUES('integrity-check')")
            } catch {
                problems.append("search index: \(error)")
            }
            problems += try Int64.fetchAll(db, sql: """
                SELECT d.id FROM document d LEFT JOIN version v ON v.id = d.current_version
                WHERE d.current_version IS NOT NULL AND v.id IS NULL
                """).map { "document \($0) lost its current version" }
            problems += try Int64.fetchAll(db, sql: """
                SELECT d.id FROM document d LEFT JOIN document_fts f ON f.rowid = d.id
                WHERE f.rowid IS NULL AND d.current_version IS NOT NULL AND d.duplicate_of IS NULL
                """).map { "document \($0) has no search row" }
            return problems
        }
    }
}

/// A row of `document, id, number, raw_hash, current` (the document's current version or not), as
/// pruning old versions reads the `version` table on either backend.
package struct PrunableVersion: Sendable, Equatable {
    package var document: Int64
    package var id: Int64
    package var number: Int
    package var rawHash: String
    package var current: Bool

    package init(_ row: some StoreRow) {
        document = row.integer("document") ?? 0
        id = row.integer("id") ?? 0
        number = row.int("number") ?? 0
        rawHash = row.text("raw_hash") ?? ""
        current = (row.integer("current") ?? 0) != 0
    }

    /// The versions `RetentionPolicy.versionsToDelete` names among `versions`, each document judged on its own.
    package static func doomed(_ versions: [PrunableVersion], keep: Int) -> [PrunableVersion] {
        Dictionary(grouping: versions, by: \.document).values.flatMap { versions -> [PrunableVersion] in
            let current = versions.first(where: \.current)?.number
            let doomed = Set(RetentionPolicy.versionsToDelete(numbers: versions.map(\.number), current: current, keep: keep))
            return versions.filter { doomed.contains($0.number) }
        }
    }
}
