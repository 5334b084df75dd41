#if canImport(Glibc)
import Glibc
#endif
import Foundation
import GRDB
import GRDBSQLite

/// Why `DocWatchDatabase.openReader(path:)` could not open a database for reading.
public enum ReaderOpenError: Error, CustomStringConvertible {
    /// Nothing at `path`; a reader never creates a database.
    case missing(path: String)
    /// The file or a directory above it may not be read by this user (`reason` from the system).
    case unreadable(path: String, reason: String)
    /// The schema predates this binary; only a writer (the daemon, `fetch`) migrates.
    case olderSchema(path: String)
    /// SQLite failed to open or read the file.
    case failed(StoreError)

    public var description: String {
        switch self {
        case .missing(let path): "no database at \(path)"
        case .unreadable(let path, let reason): "cannot read the database \(path): \(reason)"
        case .olderSchema(let path):
            "the database \(path) has an older schema than this docwatch; run the daemon or docwatch fetch once to migrate"
        case .failed(let error): error.description
        }
    }
}

extension DocWatchDatabase {
    /// Opens the database at `path` read-only, for the commands that only read (query, show, diff, log, sources).
    ///
    /// Creates and changes no file, runs no migration, and works for a user who may only read the
    /// database and its directory. A read-only connection to a WAL database needs the `-wal` and `-shm`
    /// files (SQLite reads a read-only `-shm` since 3.22); writers keep them with `SQLITE_FCNTL_PERSIST_WAL`
    /// (see `persistWAL`). When there is no `-shm` (a database last written by a docwatch without that,
    /// a rollback-journal file, a backup copy), no writer can be running, so the file is opened `immutable`.
    public static func openReader(path: String) throws(ReaderOpenError) -> DocWatchDatabase {
        if access(path, R_OK) != 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .missing(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(code)))
        }
        var configuration = configuration()
        configuration.readonly = true
        // Without a -shm no writer is running (a writer creates it first), and SQLite would create the
        // -wal and -shm for a read-only connection where the directory lets it: open immutable instead.
        let hasSharedMemory = FileManager.default.fileExists(atPath: path + "-shm")
        let reader: DatabaseQueue
        do {
            reader = try DatabaseQueue(path: hasSharedMemory ? path : immutableURI(path), configuration: configuration)
        } catch {
            throw .failed(StoreError(operation: "open the database \(path) read-only", error, database: path))
        }
        let current: Bool
        do {
            current = try reader.read { db in try Migrations.migrator.hasCompletedMigrations(db) }
        } catch {
            throw .failed(StoreError(operation: "read the schema version of \(path)", error, database: path))
        }
        guard current else { throw .olderSchema(path: path) }
        return DocWatchDatabase(reader: reader, path: path)
    }

    /// `file:PATH?immutable=1`, the path percent-encoded where a URI needs it (SQLite is built with `USE_URI`).
    static func immutableURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return "file:\(encoded)?immutable=1"
    }

    /// Keeps a writer's `-wal` and `-shm` files when its last connection closes, so read-only
    /// readers can open the WAL database after the daemon has stopped. Runs on every connection.
    static func persistWAL(_ db: Database) throws {
        var persist: CInt = 1
        let code = sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
        // An in-memory database has no file to control; anything else is a real failure.
        if code != SQLITE_OK && code != SQLITE_NOTFOUND {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot keep the WAL files")
        }
    }
}

extension DocWatchDatabase {
    /// Wraps a read-only connection; runs no migration (writes through it fail as SQLite refuses them).
    init(reader: DatabaseQueue, path: String) {
        self.writer = reader
        self.path = path
    }

    /// The configuration of the file database a writer opens: the shared one, keeping the WAL files.
    ///
    /// `synchronous` stays FULL: with NORMAL a power cut may undo commits whose events were already
    /// drained into the change log and pushed, and the restarted daemon would hand out their sequence
    /// numbers again. Batched poll recordings keep the number of commits (and fsyncs) low instead.
    /// GRDB's pool sets NORMAL on its writer while it turns WAL on, after `prepareDatabase` has run, so
    /// `open(path:)` sets FULL on the writer once the pool exists (a test reads it back).
    ///
    /// `journal_size_limit` empties the kept `-wal` when the last connection closes (after its
    /// checkpoint): otherwise the next process to open the database reads every frame of it back
    /// (megabytes after a `fetch` of a thousand sources) before its first query.
    static func fileWriterConfiguration() -> GRDB.Configuration {
        var configuration = configuration()
        configuration.prepareDatabase { db in
            try persistWAL(db)
            try db.execute(sql: "PRAGMA journal_size_limit = \(walSizeLimit)")
        }
        return configuration
    }

    /// Bytes the `-wal` is cut back to when a checkpoint lets the log start over (16 MiB); to 0 at close.
    static let walSizeLimit = 16 << 20
}
