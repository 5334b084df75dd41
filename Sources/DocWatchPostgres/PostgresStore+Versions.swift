import DocWatchCore
import DocWatchStore
import Foundation

// Placeholders until the PostgreSQL implementation of these lands (see the lead's plan).
extension PostgresStore {
    public func store(_ page: IngestedPage) throws(StoreError) -> StoreResult {
        throw StoreError(operation: "store", message: "not implemented on PostgreSQL yet")
    }

    public func store(batch pages: [IngestedPage]) throws(StoreError) -> [StoreResult] {
        throw StoreError(operation: "store", message: "not implemented on PostgreSQL yet")
    }

    public func currentAttachments(document: Int64) throws(StoreError) -> [AttachmentRecord] {
        throw StoreError(operation: "currentAttachments", message: "not implemented on PostgreSQL yet")
    }

}
