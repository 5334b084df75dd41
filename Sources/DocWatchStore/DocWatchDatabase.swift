import DocWatchCore
import Foundation
import GRDB

/// The one database of docwatch: migrations, writes named by intent, read queries, search, outbox.
///
/// A `Sendable` value around a GRDB writer; the caller chooses a file (`open(path:)`, WAL) or
/// memory (`inMemory()`, for tests), both with the same configuration. GRDB stays inside this target:
/// every method takes and returns DocWatchCore or Store types.
public struct DocWatchDatabase: Sendable {
    let writer: any DatabaseWriter
    /// The database file as configured (a reader may have opened it through a `file:` URI), for messages.
    let path: String?
    /// Poll recordings waiting for the next transaction (see `queuePoll`).
    let queuedPolls = QueuedPolls()

    init(writer: any DatabaseWriter) throws(StoreError) {
        self.writer = writer
        self.path = writer.path
        do {
            try Migrations.migrator.migrate(writer)
        } catch {
            throw StoreError(operation: "migrate the database", error, database: writer.path)
        }
    }

    /// Opens (creating it and its directory if needed) the database file at `path`, in WAL mode.
    ///
    /// A new directory is made 0750 and a new file 0640 before SQLite sees it, whatever the umask;
    /// SQLite gives the `-wal` and `-shm` files the main file's mode.
    public static func open(path: String) throws(StoreError) -> DocWatchDatabase {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            if !directory.isEmpty { try PrivateFiles.createDirectory(directory) }
            try PrivateFiles.createFileIfMissing(path)
        } catch {
            throw StoreError(operation: "create the database \(path)", message: error.description)
        }
        do {
            let pool = try DatabasePool(path: path, configuration: fileWriterConfiguration())
            try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
            return try DocWatchDatabase(writer: pool)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(operation: "open the database \(path)", error, database: path)
        }
    }

    /// A private in-memory database with the production configuration, for tests.
    public static func inMemory() throws(StoreError) -> DocWatchDatabase {
        do {
            return try DocWatchDatabase(writer: DatabaseQueue(configuration: configuration()))
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(operation: "open an in-memory database", error)
        }
    }

    static func configuration() -> GRDB.Configuration {
        var configuration = GRDB.Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.label = "docwatch"
        return configuration
    }

    /// Runs `body` in a write transaction that first writes the queued poll recordings (taken inside the
    /// transaction, so they commit before any later write; put back if it fails).
    func write<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        var queued: [QueuedPolls.Poll] = []
        do {
            return try writer.write { db in
                queued = queuedPolls.take()
                try Self.applyPolls(queued, db)
                return try body(db)
            }
        } catch {
            queuedPolls.restore(queued)
            throw StoreError(operation: operation, error, database: path)
        }
    }

    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StoreError(operation: operation, error, database: path)
        }
    }

    /// `read` for a body that runs ONE statement: without the transaction `read` wraps around it (BEGIN and
    /// COMMIT cost as much as a small SELECT), since a single statement reads one snapshot by itself.
    func readStatement<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.unsafeRead(body)
        } catch {
            throw StoreError(operation: operation, error, database: path)
        }
    }
}

/// A database failure, with what docwatch was doing when it happened.
///
/// A damaged file (SQLITE_CORRUPT, SQLITE_NOTADB, or a failed `quick_check`) reads the same in
/// every command: "database PATH is corrupt: DETAIL, restore from a backup".
public struct StoreError: Error, CustomStringConvertible {
    public var operation: String
    public var message: String
    /// The database file, when the failure says it is damaged.
    public var corruptDatabase: String?
    /// PostgreSQL's SQLSTATE for a failed statement (`40001` a serialization failure, `53100` a full disk).
    public var sqlState: String?

    init(operation: String, _ error: any Error, database path: String? = nil) {
        self.operation = operation
        if let database = error as? DatabaseError {
            message = database.message ?? "\(database.resultCode)"
            if database.resultCode == .SQLITE_FULL { message = "disk full (\(message))" }
            if database.resultCode == .SQLITE_CORRUPT || database.resultCode == .SQLITE_NOTADB {
                corruptDatabase = path ?? "file"
            }
        } else {
            message = "\(error)"
        }
    }

    public init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    /// The database at `path` is damaged; `detail` says how.
    static func corrupt(database path: String, detail: String) -> StoreError {
        var error = StoreError(operation: "check the database", message: detail)
        error.corruptDatabase = path
        return error
    }

    public var description: String {
        if let corruptDatabase { return "database \(corruptDatabase) is corrupt: \(message), restore from a backup" }
        return "cannot \(operation): \(message)"
    }
}
