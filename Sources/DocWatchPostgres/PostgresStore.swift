import DocWatchCore
import DocWatchStore
import Foundation

/// The PostgreSQL backend of `DocumentStore`: one database shared by several daemons (each a `node`)
/// and by analysts' CLIs on other machines.
///
/// A value around a connection pool (libpq, synchronous, like the SQLite backend). Writes that SQLite
/// serialises with its single writer are made safe for concurrent nodes with row locks and
/// `ON CONFLICT`; see each method.
public struct PostgresStore: Sendable {
    let pool: PostgresPool
    /// This process's name among the daemons sharing the database (leases, claimed events).
    public let node: String
    /// The URL without its password, for messages.
    public let location: String
    /// Poll recordings waiting for the next write (see `queuePoll`).
    let queuedPolls = QueuedPolls()

    init(pool: PostgresPool, node: String) {
        self.pool = pool
        self.node = node
        self.location = PostgresURL.redacted(pool.url)
    }

    /// Connects to `url` and applies any migration this binary has that the database lacks.
    public static func open(url: String, node: String = PostgresStore.defaultNode, connections: Int = 4) throws(StoreError) -> PostgresStore {
        let pool = try PostgresPool(url: url, size: connections)
        try PostgresMigrator.migrate(pool)
        return PostgresStore(pool: pool, node: node)
    }

    /// Connects read-only (every transaction is `READ ONLY`) for the commands that only read; runs no
    /// migration and refuses a database whose schema is older than this binary.
    public static func openReader(url: String) throws(StoreError) -> PostgresStore {
        let pool = try PostgresPool(url: url, size: 2, readOnly: true)
        guard try PostgresMigrator.isCurrent(pool) else {
            throw StoreError(
                operation: "open \(PostgresURL.redacted(url))",
                message: "the database has an older schema than this docwatch; run docwatch migrate, the daemon or docwatch fetch once")
        }
        return PostgresStore(pool: pool, node: defaultNode)
    }

    /// The host name: stable across restarts, so a restarted daemon finds the sources it leased and the
    /// events it claimed but had not written before it stopped. Two daemons on one host must each set
    /// `[cluster] node`.
    public static var defaultNode: String { ProcessInfo.processInfo.hostName }

    /// Runs `body` in a read-only transaction on one connection (a consistent snapshot for multi-query reads).
    func read<T>(_ operation: String, _ body: (PostgresConnection) throws(StoreError) -> T) throws(StoreError) -> T {
        try pool.transaction(operation, isolation: "REPEATABLE READ READ ONLY", body)
    }

    /// Runs `body` in a write transaction that first writes the queued poll recordings.
    func write<T>(_ operation: String, _ body: (PostgresConnection) throws(StoreError) -> T) throws(StoreError) -> T {
        try pool.transaction(operation) { (connection) throws(StoreError) -> T in
            let queued = queuedPolls.take()
            do throws(StoreError) {
                try applyPolls(queued, connection)
                return try body(connection)
            } catch {
                queuedPolls.restore(queued)
                throw error
            }
        }
    }
}

extension PostgresStore: DocumentStore {}
