import Foundation
import GRDB

/// Sizes of the store that `/metrics` reports.
public struct StoreCounts: Sendable, Equatable {
    public var documents: Int
    public var versions: Int

    public init(documents: Int, versions: Int) {
        self.documents = documents
        self.versions = versions
    }
}

extension DocWatchDatabase {
    /// Counts documents and versions: a full scan of the smallest index of each, so callers cache it.
    public func storeCounts() throws(StoreError) -> StoreCounts {
        try read("count documents and versions") { db in
            StoreCounts(
                documents: try Int.fetchOne(db, sql: "SELECT count(*) FROM document") ?? 0,
                versions: try Int.fetchOne(db, sql: "SELECT count(*) FROM version") ?? 0)
        }
    }

    /// Events not yet written to the log directory: a range of the `outbox_pending` index.
    public func outboxBacklog() throws(StoreError) -> Int {
        try read("count the outbox backlog") { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE delivered = 0") ?? 0
        }
    }

    /// When each configured source last polled successfully, by id (sources never polled are absent).
    public func lastSuccesses() throws(StoreError) -> [String: Date] {
        try read("read last successes") { db in
            var out: [String: Date] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, last_success FROM source WHERE removed = 0 AND last_success IS NOT NULL") {
                out[row["id"]] = row["last_success"]
            }
            return out
        }
    }
}
