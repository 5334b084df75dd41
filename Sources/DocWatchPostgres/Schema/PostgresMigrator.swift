import DocWatchStore
import Foundation

/// Applies `PostgresMigrations` in order, each in its own transaction, recording it in
/// `docwatch_migrations`. An advisory lock makes daemons starting together migrate one at a time.
enum PostgresMigrator {
    /// The advisory lock key ("docwatch" in ASCII) every migrating process takes.
    static let lockKey: Int64 = 0x646F_6377_6174_6368

    /// Returns the names of the migrations this call applied, in order.
    @discardableResult
    static func migrate(_ pool: PostgresPool) throws(StoreError) -> [String] {
        try pool.withConnection { (connection) throws(StoreError) -> [String] in
            try connection.query("SELECT pg_advisory_lock($1)", [lockKey], operation: "lock the schema")
            defer { _ = try? connection.query("SELECT pg_advisory_unlock($1)", [lockKey], operation: "unlock the schema") }
            try connection.script("""
                CREATE TABLE IF NOT EXISTS docwatch_migrations (name text PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())
                """, operation: "create the migrations table")
            let applied = try appliedNames(connection)
            var appliedNow: [String] = []
            for migration in PostgresMigrations.all where !applied.contains(migration.name) {
                let operation = "migrate the database (\(migration.name))"
                try connection.script("BEGIN", operation: operation)
                do throws(StoreError) {
                    try connection.script(migration.sql, operation: operation)
                    try connection.query("INSERT INTO docwatch_migrations (name) VALUES ($1)", [migration.name], operation: operation)
                    try connection.script("COMMIT", operation: operation)
                    appliedNow.append(migration.name)
                } catch {
                    try? connection.script("ROLLBACK", operation: operation)
                    throw error
                }
            }
            return appliedNow
        }
    }

    /// Whether every migration this binary knows has been applied (a reader never migrates).
    static func isCurrent(_ pool: PostgresPool) throws(StoreError) -> Bool {
        try pool.withConnection { (connection) throws(StoreError) -> Bool in
            let exists = try connection.query("SELECT to_regclass('docwatch_migrations') IS NOT NULL AS present", operation: "read the schema")
            guard exists.first?.bool("present") == true else { return false }
            let applied = try appliedNames(connection)
            return PostgresMigrations.all.allSatisfy { applied.contains($0.name) }
        }
    }

    /// The names recorded in `docwatch_migrations` (which must exist).
    private static func appliedNames(_ connection: PostgresConnection) throws(StoreError) -> Set<String> {
        Set(try connection.query("SELECT name FROM docwatch_migrations", operation: "read the migrations").compactMap { $0.string("name") })
    }
}
