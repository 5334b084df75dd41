import DocWatchCore
import DocWatchStore
import Foundation

// Placeholders until the PostgreSQL implementation of these lands (see the lead's plan).
extension PostgresStore {
    public func claimSources(_ ids: [String], node: String, now: Date, lease: TimeInterval) throws(StoreError) -> SourceClaims {
        throw StoreError(operation: "claimSources", message: "not implemented on PostgreSQL yet")
    }

    public func reserveHostSlot(host: String, delay: TimeInterval, now: Date) throws(StoreError) -> Date {
        throw StoreError(operation: "reserveHostSlot", message: "not implemented on PostgreSQL yet")
    }

    public func claimPushTarget(_ target: String, node: String, now: Date, lease: TimeInterval) throws(StoreError) -> Bool {
        throw StoreError(operation: "claimPushTarget", message: "not implemented on PostgreSQL yet")
    }

}
