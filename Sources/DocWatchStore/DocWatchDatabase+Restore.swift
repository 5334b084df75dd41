import Foundation
import GRDB

extension DocWatchDatabase {
    /// Moves the outbox's `seq` sequence past `seq` when it is behind; returns the highest seq the
    /// outbox had before (nil when it was already at or past `seq`, so nothing changed).
    ///
    /// A database restored from a backup restarts its sequence from the backup's highest seq while
    /// the change files already hold later ones. `outbox.seq` is `AUTOINCREMENT`, so SQLite takes the
    /// next seq from `sqlite_sequence`: raising that row makes new events follow what is on disk.
    public func advanceOutboxSequence(past seq: Int64) throws(StoreError) -> Int64? {
        try write("advance the outbox sequence past \(seq)") { db in
            let highestRow = try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM outbox") ?? 0
            let recorded = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'outbox'")
            let highest = max(highestRow, recorded ?? 0)
            guard seq > highest else { return nil }
            if recorded == nil {
                try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES ('outbox', ?)", arguments: [seq])
            } else {
                try db.execute(sql: "UPDATE sqlite_sequence SET seq = ? WHERE name = 'outbox'", arguments: [seq])
            }
            return highest
        }
    }
}
