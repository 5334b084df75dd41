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

    init(writer: any DatabaseWriter) throws(StoreError) {
        self.writer = writer
        do {
            try Migrations.migrator.migrate(writer)
        } catch {
            throw StoreError(operation: "migrate the database", error)
        }
    }

    /// Opens (creating it and its directory if needed) the database file at `path`, in WAL mode.
    public static func open(path: String) throws(StoreError) -> DocWatchDatabase {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw StoreError(operation: "create the database directory \(directory)", error)
            }
        }
        do {
            return try DocWatchDatabase(writer: DatabasePool(path: path, configuration: fileWriterConfiguration()))
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(operation: "open the database \(path)", error)
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

    func write<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.write(body)
        } catch {
            throw StoreError(operation: operation, error)
        }
    }

    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StoreError(operation: operation, error)
        }
    }
}

/// A database failure, with what docwatch was doing when it happened.
public struct StoreError: Error, CustomStringConvertible {
    public var operation: String
    public var message: String

    init(operation: String, _ error: any Error) {
        self.operation = operation
        if let database = error as? DatabaseError {
            message = database.message ?? "\(database.resultCode)"
            if database.resultCode == .SQLITE_FULL { message = "disk full (\(message))" }
        } else {
            message = "\(error)"
        }
    }

    public init(operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    public var description: String { "cannot \(operation): \(message)" }
}
