import DocWatchStore
import Foundation

/// Opens the store a configuration's `database` names: a `postgresql://` (or `postgres://`) URL is a
/// PostgreSQL server, anything else a SQLite file path.
public enum StoreOpener {
    /// For writers (the daemon, `fetch`, `migrate`, `prune`): creates what is missing and migrates.
    /// `node` names this process among daemons sharing a PostgreSQL database.
    public static func open(_ database: String, node: String = PostgresStore.defaultNode) throws(StoreError) -> any DocumentStore {
        if PostgresURL.isPostgres(database) { return try PostgresStore.open(url: database, node: node) }
        return try DocWatchDatabase.open(path: database)
    }

    /// Whether `database` names a PostgreSQL server.
    public static func isPostgres(_ database: String) -> Bool { PostgresURL.isPostgres(database) }
}
