import Foundation
import GRDB

extension DocWatchDatabase {
    /// Runs SQLite's `quick_check` (every page and index entry readable and well formed, without
    /// comparing indexes to their tables) and throws a "corrupt" `StoreError` naming what it found.
    ///
    /// Damage in the middle of the file is otherwise met only by the query that reads that page.
    public func quickCheck() throws(StoreError) {
        let findings = try read("check the database") { db in
            try String.fetchAll(db, sql: "PRAGMA quick_check(3)")
        }
        guard findings != ["ok"] else { return }
        let detail = findings.joined(separator: "; ").split(whereSeparator: \.isNewline).joined(separator: " ")
        throw StoreError.corrupt(database: path ?? writer.path, detail: detail)
    }
}
