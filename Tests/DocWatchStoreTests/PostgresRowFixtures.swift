import DocWatchCore
import DocWatchPostgres
import DocWatchStore
import DocWatchTestSupport
import Foundation

/// Outbox rows written straight through SQL, so the outbox tests choose their events' sources, types and
/// times without storing pages.
struct PostgresRowFixtures {
    let connection: PostgresConnection

    init(_ database: PostgresTestDatabase) throws {
        connection = try PostgresConnection(url: database.url)
    }

    /// Appends `count` outbox events of `source` written at `time`; returns their seqs.
    @discardableResult
    func events(_ count: Int, source: String = "s", type: ChangeEventType = .documentNew, at time: Date = Pages.start) throws -> [Int64] {
        try (0..<count).map { index in
            try requireValue(try connection.query("""
                INSERT INTO outbox (time, type, source, url, document, version) VALUES ($1, $2, $3, $4, 1, 1) RETURNING seq
                """, [time, type.rawValue, source, "https://gov.example/\(source)/\(index).html"], operation: "append an event").first?.int64("seq"))
        }
    }
}

/// A missing value as a thrown error, for fixtures outside a `#require`.
func requireValue<T>(_ value: T?, _ what: String = #function) throws -> T {
    guard let value else { throw StoreError(operation: what, message: "no row came back") }
    return value
}
