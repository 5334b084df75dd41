import DocWatchCore
import Foundation
import GRDB

extension DocWatchDatabase {
    /// The stored schedule of every configured (not removed) source, by id, for the scheduler's start.
    public func storedSchedules() throws(StoreError) -> [String: SourceSchedule] {
        try read("read the poll schedule") { db in
            var schedules: [String: SourceSchedule] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, next_due, failures FROM source WHERE removed = 0") {
                schedules[row["id"]] = SourceSchedule(nextDue: row["next_due"], failures: row["failures"])
            }
            return schedules
        }
    }
}
