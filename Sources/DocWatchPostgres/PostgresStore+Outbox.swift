import DocWatchCore
import DocWatchStore
import Foundation

// Placeholders until the PostgreSQL implementation of these lands (see the lead's plan).
extension PostgresStore {
    public func pendingEvents(limit: Int) throws(StoreError) -> [OutboxEvent] {
        throw StoreError(operation: "pendingEvents", message: "not implemented on PostgreSQL yet")
    }

    public func markDelivered(through seq: Int64) throws(StoreError) {
        throw StoreError(operation: "markDelivered", message: "not implemented on PostgreSQL yet")
    }

    public func outboxBacklog() throws(StoreError) -> Int {
        throw StoreError(operation: "outboxBacklog", message: "not implemented on PostgreSQL yet")
    }

    public func advanceOutboxSequence(past seq: Int64) throws(StoreError) -> Int64? {
        throw StoreError(operation: "advanceOutboxSequence", message: "not implemented on PostgreSQL yet")
    }

    public func events(after seq: Int64, limit: Int) throws(StoreError) -> [OutboxEvent] {
        throw StoreError(operation: "events", message: "not implemented on PostgreSQL yet")
    }

    public func syncPushTargets(_ ids: [String], now: Date) throws(StoreError) -> [String: Int64] {
        throw StoreError(operation: "syncPushTargets", message: "not implemented on PostgreSQL yet")
    }

    public func pushBatch(after cursor: Int64, filter: PushFilter, limit: Int) throws(StoreError) -> PushBatch {
        throw StoreError(operation: "pushBatch", message: "not implemented on PostgreSQL yet")
    }

    public func advancePushCursor(target: String, to seq: Int64) throws(StoreError) {
        throw StoreError(operation: "advancePushCursor", message: "not implemented on PostgreSQL yet")
    }

    public func pushBacklogs() throws(StoreError) -> [PushCursorState] {
        throw StoreError(operation: "pushBacklogs", message: "not implemented on PostgreSQL yet")
    }

    public func oldestPushCursor() throws(StoreError) -> Int64? {
        throw StoreError(operation: "oldestPushCursor", message: "not implemented on PostgreSQL yet")
    }

}
