import DocWatchStore
import Foundation

/// A fixed number of connections to one database, handed to one caller at a time; a caller waits when
/// all are busy. A connection broken by a failure is replaced on its next use.
public final class PostgresPool: @unchecked Sendable {
    public let url: String
    private let readOnly: Bool
    private let size: Int
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    private var opened = 0

    /// Opens one connection at once, so a wrong URL or password fails here with libpq's message.
    public init(url: String, size: Int = 4, readOnly: Bool = false) throws(StoreError) {
        self.url = url
        self.readOnly = readOnly
        self.size = max(1, size)
        idle = [try PostgresConnection(url: url, readOnly: readOnly)]
        opened = 1
    }

    /// Runs `body` with a connection of its own.
    public func withConnection<T>(_ body: (PostgresConnection) throws(StoreError) -> T) throws(StoreError) -> T {
        let connection = try checkOut()
        defer { checkIn(connection) }
        return try body(connection)
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws. A
    /// serialization failure or deadlock (SQLSTATE 40001/40P01) runs the whole transaction again, up to
    /// five times, so callers may use `SERIALIZABLE` or row locks without handling retries themselves.
    public func transaction<T>(
        _ operation: String, isolation: String = "READ COMMITTED", _ body: (PostgresConnection) throws(StoreError) -> T
    ) throws(StoreError) -> T {
        var attempt = 0
        while true {
            attempt += 1
            do throws(StoreError) {
                return try withConnection { (connection) throws(StoreError) -> T in
                    try connection.script("BEGIN ISOLATION LEVEL \(isolation)", operation: operation)
                    do throws(StoreError) {
                        let value = try body(connection)
                        try connection.script("COMMIT", operation: operation)
                        return value
                    } catch {
                        if !connection.isBroken { try? connection.script("ROLLBACK", operation: operation) }
                        throw error
                    }
                }
            } catch where attempt < 5 && (error.sqlState == "40001" || error.sqlState == "40P01") {
                continue
            }
        }
    }

    private func checkOut() throws(StoreError) -> PostgresConnection {
        condition.lock()
        while idle.isEmpty && opened >= size { condition.wait() }
        if let connection = idle.popLast() {
            condition.unlock()
            if connection.isBroken {
                return try replace()
            }
            return connection
        }
        opened += 1
        condition.unlock()
        return try replace()
    }

    /// A new connection in place of a broken or not yet opened one; on failure the slot is given back.
    private func replace() throws(StoreError) -> PostgresConnection {
        do throws(StoreError) {
            return try PostgresConnection(url: url, readOnly: readOnly)
        } catch {
            condition.lock()
            opened -= 1
            condition.signal()
            condition.unlock()
            throw error
        }
    }

    private func checkIn(_ connection: PostgresConnection) {
        condition.lock()
        idle.append(connection)
        condition.signal()
        condition.unlock()
    }
}
