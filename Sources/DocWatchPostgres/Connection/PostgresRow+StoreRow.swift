import DocWatchStore
import Foundation

/// PostgreSQL rows feed the row decoders the SQLite backend uses too (`StoreRows`, `Outbox.decode`).
extension PostgresRow: StoreRow {
    package func text(_ column: String) -> String? { string(column) }
    package func integer(_ column: String) -> Int64? { int64(column) }
    package func real(_ column: String) -> Double? { double(column) }
}

extension PostgresStore {
    /// A SQL `LIMIT` parameter as SQLite reads one: a negative limit means none (`LIMIT NULL` here).
    static func sqlLimit(_ limit: Int) -> Int? { limit < 0 ? nil : limit }
}
