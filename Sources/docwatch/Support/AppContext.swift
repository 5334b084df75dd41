import DocWatchConfig
import DocWatchCore
import DocWatchFetch
import DocWatchNotify
import DocWatchPostgres
import DocWatchStore
import Foundation
import Logging

/// The parts a command needs, built from the configuration.
struct AppContext {
    let configuration: Configuration
    /// A SQLite file or, when `database` is a `postgresql://` URL, a PostgreSQL server.
    let database: any DocumentStore

    /// `.readOnly` (query, show, diff, log, sources, changes) opens the database without creating or
    /// changing anything; on PostgreSQL every transaction is read-only, so a role that may only read serves.
    init(configuration: Configuration, access: DatabaseAccess = .readWrite) throws {
        self.configuration = configuration
        if access == .readOnly {
            database = try Self.openReader(configuration)
            return
        }
        do {
            database = try StoreOpener.open(configuration.database)
        } catch {
            throw CLIError.io(error.description)
        }
    }

    /// Whether the configured database is a PostgreSQL server rather than a SQLite file.
    var isPostgres: Bool { StoreOpener.isPostgres(configuration.database) }

    func notifier() -> Notifier {
        Notifier(database: database, logDir: configuration.logDir)
    }

    /// Turns a store failure into exit code 74.
    func store<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw CLIError.io(error.description)
        }
    }
}
