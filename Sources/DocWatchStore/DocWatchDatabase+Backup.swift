import Foundation
import GRDB

extension DocWatchDatabase {
    /// Writes a consistent copy of the database to `destination` with `VACUUM INTO`, which reads one
    /// snapshot (a running daemon keeps writing meanwhile) and works on a read-only connection.
    ///
    /// SQLite refuses a `destination` that exists and is not empty; the copy is a plain rollback-journal
    /// file with no `-wal`, ready to be put in the daemon's place. Returns the copy's size in bytes.
    public func backup(to destination: String) throws(StoreError) -> UInt64 {
        do {
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: [destination])
            }
            let attributes = try FileManager.default.attributesOfItem(atPath: destination)
            return (attributes[.size] as? NSNumber)?.uint64Value ?? 0
        } catch {
            throw StoreError(operation: "back up the database to \(destination)", error)
        }
    }
}
