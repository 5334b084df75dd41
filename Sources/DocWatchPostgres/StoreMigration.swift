import DocWatchStore
import Foundation

extension StoreOpener {
    /// Applies every migration `database` (a SQLite path or a `postgresql://` URL) lacks, creating a
    /// SQLite file if needed; returns the names of those applied now, in order (empty: up to date).
    public static func migrate(_ database: String) throws(StoreError) -> [String] {
        if PostgresURL.isPostgres(database) { return try PostgresStore.migrate(url: database) }
        return try DocWatchDatabase.migrate(path: database)
    }

    /// Every migration this binary has for `database`'s backend, in order.
    public static func migrationNames(for database: String) -> [String] {
        PostgresURL.isPostgres(database) ? PostgresMigrations.all.map(\.name) : DocWatchDatabase.migrationNames
    }
}

extension PostgresStore {
    /// Applies the migrations the database at `url` lacks; returns their names, in order.
    public static func migrate(url: String) throws(StoreError) -> [String] {
        try PostgresMigrator.migrate(try PostgresPool(url: url, size: 1))
    }
}
