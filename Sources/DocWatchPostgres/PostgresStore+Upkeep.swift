import DocWatchCore
import DocWatchStore
import Foundation

// Placeholders until the PostgreSQL implementation of these lands (see the lead's plan).
extension PostgresStore {
    public func prune(_ plan: StorePrunePlan, dryRun: Bool) throws(StoreError) -> StorePruneResult {
        throw StoreError(operation: "prune", message: "not implemented on PostgreSQL yet")
    }

    public func consistencyProblems() throws(StoreError) -> [String] {
        throw StoreError(operation: "consistencyProblems", message: "not implemented on PostgreSQL yet")
    }

    public func quickCheck() throws(StoreError) {
        throw StoreError(operation: "quickCheck", message: "not implemented on PostgreSQL yet")
    }

    public func backup(to destination: String) throws(StoreError) -> UInt64 {
        throw StoreError(operation: "backup", message: "not implemented on PostgreSQL yet")
    }

}
