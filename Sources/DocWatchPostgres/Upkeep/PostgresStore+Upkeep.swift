import DocWatchCore
import DocWatchStore
import Foundation

extension PostgresStore {
    /// What is wrong with the store, empty when nothing: documents whose current version is gone and
    /// searchable documents without a search row. (PostgreSQL keeps its own pages and foreign keys; what
    /// SQLite's `integrity_check` reads has no counterpart a client can run.)
    public func consistencyProblems() throws(StoreError) -> [String] {
        let operation = "check the store"
        return try read(operation) { connection throws(StoreError) -> [String] in
            let lost = try connection.query("""
                SELECT d.id FROM document d LEFT JOIN version v ON v.id = d.current_version
                WHERE d.current_version IS NOT NULL AND v.id IS NULL ORDER BY d.id
                """, operation: operation).compactMap { $0.int64("id") }.map { "document \($0) lost its current version" }
            let unindexed = try connection.query("""
                SELECT d.id FROM document d LEFT JOIN document_search s ON s.document = d.id
                WHERE s.document IS NULL AND d.current_version IS NOT NULL AND d.duplicate_of IS NULL ORDER BY d.id
                """, operation: operation).compactMap { $0.int64("id") }.map { "document \($0) has no search row" }
            return lost + unindexed
        }
    }

    /// A round trip to the server and a schema as new as this binary; throws saying which failed.
    public func quickCheck() throws(StoreError) {
        guard try PostgresMigrator.isCurrent(pool) else {
            throw StoreError(operation: "check the database \(location)",
                             message: "its schema is older than this docwatch; run docwatch migrate")
        }
    }

    /// Not on PostgreSQL: docwatch's backup copies a SQLite file. Throws, naming the tool to use instead.
    public func backup(to destination: String) throws(StoreError) -> UInt64 {
        throw StoreError(
            operation: "back up \(location) to \(destination)",
            message: "docwatch backup copies a SQLite file; back up a PostgreSQL database with pg_dump "
                + "(for example pg_dump --format=custom --file=\(destination) 'postgresql://…') or the server's own backups")
    }
}
