import DocWatchCore
import DocWatchStore
import Foundation

// Placeholders until the PostgreSQL implementation of these lands (see the lead's plan).
extension PostgresStore {
    public func listingState(url: String) throws(StoreError) -> ListingState? {
        throw StoreError(operation: "listingState", message: "not implemented on PostgreSQL yet")
    }

    public func recordListing(_ entry: FetchLogEntry, state: ListingState, links: Int) throws(StoreError) {
        throw StoreError(operation: "recordListing", message: "not implemented on PostgreSQL yet")
    }

    public func forgetListingHash(url: String) throws(StoreError) {
        throw StoreError(operation: "forgetListingHash", message: "not implemented on PostgreSQL yet")
    }

    public func knownDocuments(_ urls: [String]) throws(StoreError) -> [String: String?] {
        throw StoreError(operation: "knownDocuments", message: "not implemented on PostgreSQL yet")
    }

    public func documentsToRecheck( source: String, lastSeenBefore date: Date, firstSeenAfter: Date?, limit: Int ) throws(StoreError) -> [String] {
        throw StoreError(operation: "documentsToRecheck", message: "not implemented on PostgreSQL yet")
    }

}
