import DocWatchCore
@testable import DocWatchPostgres
@testable import DocWatchStore
import DocWatchTestSupport
import Foundation
import Testing

/// The two backends of `DocumentStore`; the store tests run each behaviour against both.
///
/// PostgreSQL is in the list only when `DOCWATCH_TEST_POSTGRES` names a test cluster (`scripts/test.sh`
/// and CI always start one); without it the PostgreSQL cases are absent from every table and
/// `StoreBackendAvailabilityTests` shows as skipped, so a run without PostgreSQL says so.
enum StoreBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    /// A database file in a fresh temporary directory (`TemporaryDatabase`).
    case sqlite
    /// A fresh database on the test cluster (`PostgresTestDatabase`).
    case postgres

    /// The backends this run can test.
    static var available: [StoreBackend] { PostgresTestDatabase.isAvailable ? allCases : [.sqlite] }

    var testDescription: String { rawValue }

    /// A new, empty, migrated store on this backend.
    func open() throws -> TestStore {
        switch self {
        case .sqlite:
            let file = try TemporaryDatabase()
            return TestStore(backend: self, database: file.database, keeping: file) {
                try DocWatchDatabase.open(path: file.path)
            }
        case .postgres:
            let server = try PostgresTestDatabase()
            return TestStore(backend: self, database: try server.open(), keeping: server) {
                try server.open(node: "test-node-reopened")
            }
        }
    }
}

/// A store under test, seen only through `DocumentStore`, with what keeps its data alive (the
/// temporary file or the test database, removed when this goes).
final class TestStore {
    let backend: StoreBackend
    let database: any DocumentStore
    private let storage: AnyObject
    private let reopening: () throws -> any DocumentStore

    init(backend: StoreBackend, database: any DocumentStore, keeping storage: AnyObject,
         reopen: @escaping () throws -> any DocumentStore) {
        self.backend = backend
        self.database = database
        self.storage = storage
        self.reopening = reopen
    }

    /// A second store on the same data, opened as a new process would.
    func reopen() throws -> any DocumentStore { try reopening() }

    /// Runs a write transaction that fails, as a failing statement would: what it does to queued polls.
    func failOneWrite() throws(StoreError) {
        let injected = StoreError(operation: "fail on purpose", message: "injected")
        switch database {
        case let sqlite as DocWatchDatabase:
            try sqlite.write("fail on purpose") { _ -> Void in throw injected }
        case let postgres as PostgresStore:
            try postgres.write("fail on purpose") { (_) throws(StoreError) -> Void in throw injected }
        default:
            throw StoreError(operation: "fail on purpose", message: "unknown backend \(type(of: database))")
        }
    }
}

@Suite("Store backends under test")
struct StoreBackendAvailabilityTests {
    @Test("the store suite also runs on PostgreSQL (DOCWATCH_TEST_POSTGRES names a test cluster)",
          .enabled(if: PostgresTestDatabase.isAvailable, "DOCWATCH_TEST_POSTGRES is unset: the store tests ran on SQLite only"))
    func postgresIsTested() throws {
        #expect(StoreBackend.available == [.sqlite, .postgres])
        let store = try StoreBackend.postgres.open()
        #expect(store.database.location.hasPrefix("postgresql://"))
    }
}
