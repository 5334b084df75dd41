import DocWatchCore
import DocWatchStore
import Foundation

// Placeholders until the PostgreSQL implementation of these lands (see the lead's plan).
extension PostgresStore {
    public func sourceHealth(includeRemoved: Bool) throws(StoreError) -> [SourceHealth] {
        throw StoreError(operation: "sourceHealth", message: "not implemented on PostgreSQL yet")
    }

    public func lastSuccesses() throws(StoreError) -> [String: Date] {
        throw StoreError(operation: "lastSuccesses", message: "not implemented on PostgreSQL yet")
    }

    public func fetchLog(_ filter: FetchLogFilter) throws(StoreError) -> [(id: Int64, entry: FetchLogEntry)] {
        throw StoreError(operation: "fetchLog", message: "not implemented on PostgreSQL yet")
    }

    public func document(_ reference: String) throws(StoreError) -> DocumentDetail? {
        throw StoreError(operation: "document", message: "not implemented on PostgreSQL yet")
    }

    public func versionText(document: Int64, number: Int) throws(StoreError) -> String? {
        throw StoreError(operation: "versionText", message: "not implemented on PostgreSQL yet")
    }

    public func versionSnapshot(document: Int64, number: Int) throws(StoreError) -> DocumentSnapshot? {
        throw StoreError(operation: "versionSnapshot", message: "not implemented on PostgreSQL yet")
    }

    public func body(rawHash: String) throws(StoreError) -> [UInt8]? {
        throw StoreError(operation: "body", message: "not implemented on PostgreSQL yet")
    }

    public func search(_ request: SearchRequest) throws(StoreError) -> [SearchHit] {
        throw StoreError(operation: "search", message: "not implemented on PostgreSQL yet")
    }

    public func storeCounts() throws(StoreError) -> StoreCounts {
        throw StoreError(operation: "storeCounts", message: "not implemented on PostgreSQL yet")
    }

}
