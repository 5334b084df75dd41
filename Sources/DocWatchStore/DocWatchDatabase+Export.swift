import Foundation
import GRDB

/// One stored value as SQLite holds it, for copying a database elsewhere without GRDB.
public enum ExportValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

/// A read-only view of the whole SQLite database inside one read transaction (one snapshot), handed
/// to `DocWatchDatabase.export`'s closure; it must not be kept after the closure returns.
public struct StoreExport {
    let db: Database

    /// The table's columns in their declared order.
    public func columns(of table: String) throws(StoreError) -> [String] {
        try run("read the columns of \(table)") { try db.columns(in: table).map(\.name) }
    }

    /// How many rows `table` holds.
    public func count(_ table: String) throws(StoreError) -> Int {
        try run("count \(table)") { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(quoted(table))") ?? 0 }
    }

    /// The highest id an `AUTOINCREMENT` table ever handed out (it stays after its rows are deleted),
    /// nil for a table without one or never written.
    public func autoincrementSequence(of table: String) throws(StoreError) -> Int64? {
        try run("read the sequence of \(table)") {
            guard try db.tableExists("sqlite_sequence") else { return nil }
            return try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [table])
        }
    }

    /// Every row of `table`, ordered by `orderBy`, handed to `body` `batch` rows at a time as column
    /// name → value: only one batch is in memory (raw bodies are large).
    public func forEachBatch(
        table: String, orderBy: String, batch: Int, _ body: ([[String: ExportValue]]) throws(StoreError) -> Void
    ) throws(StoreError) {
        var pending: [[String: ExportValue]] = []
        pending.reserveCapacity(batch)
        var bodyError: StoreError?
        do {
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM \(quoted(table)) ORDER BY \(orderBy)")
            rows: while let row = try cursor.next() {
                var values: [String: ExportValue] = [:]
                for (column, value) in row { values[column] = Self.value(value) }
                pending.append(values)
                if pending.count == batch {
                    do throws(StoreError) { try body(pending) } catch {
                        bodyError = error
                        break rows
                    }
                    pending.removeAll(keepingCapacity: true)
                }
            }
        } catch {
            throw StoreError(operation: "read \(table)", error)
        }
        if let bodyError { throw bodyError }
        if !pending.isEmpty { try body(pending) }
    }

    private static func value(_ value: DatabaseValue) -> ExportValue {
        switch value.storage {
        case .null: .null
        case .int64(let number): .integer(number)
        case .double(let number): .real(number)
        case .string(let text): .text(text)
        case .blob(let data): .blob(Array(data))
        }
    }

    private func quoted(_ table: String) -> String { "\"" + table.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    private func run<T>(_ operation: String, _ body: () throws -> T) throws(StoreError) -> T {
        do { return try body() } catch { throw StoreError(operation: operation, error) }
    }
}

extension DocWatchDatabase {
    /// Runs `body` with a view of every table inside one read transaction, so what it reads is one
    /// consistent snapshot even while a daemon writes (`docwatch migrate --from sqlite:…`).
    public func export<T>(_ body: (StoreExport) throws(StoreError) -> T) throws(StoreError) -> T {
        var result: Result<T, StoreError>?
        do {
            try writer.read { db in
                do throws(StoreError) { result = .success(try body(StoreExport(db: db))) } catch { result = .failure(error) }
            }
        } catch {
            throw StoreError(operation: "read the database", error, database: path)
        }
        guard let result else { throw StoreError(operation: "read the database", message: "nothing was read") }
        return try result.get()
    }

    /// Every migration this binary knows, in the order it applies them.
    public static var migrationNames: [String] { Migrations.migrator.migrations }

    /// Opens (creating it if needed) the database at `path` and applies what it lacks, returning the
    /// names of the migrations this call applied, in order (empty when it was up to date).
    public static func migrate(path: String) throws(StoreError) -> [String] {
        var before: Set<String> = []
        if FileManager.default.fileExists(atPath: path) {
            do {
                let queue = try DatabaseQueue(path: path, configuration: configuration())
                before = try queue.read { db in try Migrations.migrator.appliedIdentifiers(db) }
            } catch {
                throw StoreError(operation: "read the migrations of \(path)", error, database: path)
            }
        }
        _ = try open(path: path)
        return migrationNames.filter { !before.contains($0) }
    }
}
