import DocWatchConfig
import DocWatchCore
import DocWatchPostgres
import DocWatchStore

/// How a command uses the database: `fetch` writes; the commands that only show stored data read.
enum DatabaseAccess {
    case readWrite
    case readOnly
}

extension AppContext {
    /// Opens the configured database read-only, turning each way it can fail into one line:
    /// no database, or one this user may not read, is exit 66 and says what to do; an older schema or an I/O error is 74.
    /// A PostgreSQL server that cannot be reached or refuses the login is 74 with libpq's words (never the password).
    static func openReader(_ configuration: Configuration) throws -> any DocumentStore {
        if StoreOpener.isPostgres(configuration.database) {
            do {
                return try PostgresStore.openReader(url: configuration.database)
            } catch {
                throw CLIError.io(error.description)
            }
        }
        do throws(ReaderOpenError) {
            return try DocWatchDatabase.openReader(path: configuration.database)
        } catch .missing(let path) {
            let config = configuration.file.map { " (the `database` of \($0))" } ?? ""
            throw CLIError.noInput("""
                no database at \(path)\(config); the daemon's is the `database` of its config, \
                /etc/docwatch/docwatch.toml as shipped: pass --config with that file
                """)
        } catch .unreadable(let path, let reason) {
            // 66 (EX_NOINPUT) covers an input that exists but may not be read.
            throw CLIError.noInput("""
                cannot read the database \(path): \(reason); members of the docwatch group may \
                (usermod -aG docwatch $USER, then log in again)
                """)
        } catch {
            throw CLIError.io(error.description)
        }
    }
}
