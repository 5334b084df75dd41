import DocWatchCore
import DocWatchStore
import Foundation

// Placeholders until the PostgreSQL implementation of these lands (see the lead's plan).
extension PostgresStore {
    public func syncSources(_ sources: [Source]) throws(StoreError) {
        throw StoreError(operation: "syncSources", message: "not implemented on PostgreSQL yet")
    }

    public func storedSchedules() throws(StoreError) -> [String: SourceSchedule] {
        throw StoreError(operation: "storedSchedules", message: "not implemented on PostgreSQL yet")
    }

    public func health(of sources: [Source]) throws(StoreError) -> [SourceHealth] {
        throw StoreError(operation: "health", message: "not implemented on PostgreSQL yet")
    }

    public func documentState(url: String) throws(StoreError) -> DocumentState? {
        throw StoreError(operation: "documentState", message: "not implemented on PostgreSQL yet")
    }

    public func documentStates(urls: [String]) throws(StoreError) -> [String: DocumentState] {
        throw StoreError(operation: "documentStates", message: "not implemented on PostgreSQL yet")
    }

    public func recordPoll(_ entry: FetchLogEntry, etag: String?, lastModified: String?) throws(StoreError) {
        throw StoreError(operation: "recordPoll", message: "not implemented on PostgreSQL yet")
    }

    public func queuePoll(_ entry: FetchLogEntry, etag: String?, lastModified: String?, flushAfter: Int) throws(StoreError) {
        throw StoreError(operation: "queuePoll", message: "not implemented on PostgreSQL yet")
    }

    public func flushPolls() throws(StoreError) {
        throw StoreError(operation: "flushPolls", message: "not implemented on PostgreSQL yet")
    }

    public func recordMissing(_ entry: FetchLogEntry) throws(StoreError) -> Int64? {
        throw StoreError(operation: "recordMissing", message: "not implemented on PostgreSQL yet")
    }

    public func recordSourcePoll( source: String, time: Date, outcome: FetchOutcome, error: String?, nextDue: Date? ) throws(StoreError) -> Int64? {
        throw StoreError(operation: "recordSourcePoll", message: "not implemented on PostgreSQL yet")
    }

    public func recordSourcePolls(_ polls: [SourcePoll]) throws(StoreError) -> [Int64] {
        throw StoreError(operation: "recordSourcePolls", message: "not implemented on PostgreSQL yet")
    }

    public func pruneFetchLog(before date: Date) throws(StoreError) -> Int {
        throw StoreError(operation: "pruneFetchLog", message: "not implemented on PostgreSQL yet")
    }

    public var queuedPollCount: Int { queuedPolls.count }

    func applyPolls(_ polls: [QueuedPolls.Poll], _ connection: PostgresConnection) throws(StoreError) {
        guard polls.isEmpty else { throw StoreError(operation: "record polls", message: "not implemented on PostgreSQL yet") }
    }
}
