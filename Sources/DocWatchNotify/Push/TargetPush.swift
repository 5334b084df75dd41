import DocWatchCore
import DocWatchStore

/// Delivers one target's owed events in `seq` order, one at a time, moving its cursor after each.
///
/// At-least-once: the cursor moves only after the target took the event, so a crash in between
/// sends that one event again (its `id` lets the receiver drop the repeat). The first failure stops
/// the round; the cursor stays on the failed event, so nothing is skipped while a target is down.
public struct TargetPush: Sendable {
    /// How a round ended.
    public enum Outcome: Sendable, Equatable {
        /// Everything owed was delivered (`delivered` events this round).
        case caughtUp(delivered: Int)
        /// Stopped at an event that failed (or the store failed) after delivering `delivered`.
        case failed(delivered: Int, error: String)
    }

    private let database: any DocumentStore
    private let sender: any PushSending
    private let batchSize: Int

    public init(database: any DocumentStore, sender: any PushSending, batchSize: Int = 50) {
        self.database = database
        self.sender = sender
        self.batchSize = batchSize
    }

    /// Pushes events after `cursor` that pass `filter` until none are left or one fails; `cursor` ends
    /// where the stored cursor ends. Stops early, as caught up so far, when the task is cancelled.
    public func round(target: NotifyTarget, filter: PushFilter, cursor: inout Int64) async -> Outcome {
        var delivered = 0
        while !Task.isCancelled {
            let batch: PushBatch
            do {
                batch = try database.pushBatch(after: cursor, filter: filter, limit: batchSize)
            } catch {
                return .failed(delivered: delivered, error: error.description)
            }
            for outboxEvent in batch.events {
                let event = outboxEvent.event
                if case .failed(let reason) = await sender.send(event, to: target) {
                    return .failed(delivered: delivered, error: "\(event.id): \(reason)")
                }
                delivered += 1
                do {
                    try database.advancePushCursor(target: target.id, to: event.seq)
                } catch {
                    return .failed(delivered: delivered, error: error.description)
                }
                cursor = event.seq
                if Task.isCancelled { return .caughtUp(delivered: delivered) }
            }
            if batch.scannedThrough > cursor {
                do {
                    try database.advancePushCursor(target: target.id, to: batch.scannedThrough)
                } catch {
                    return .failed(delivered: delivered, error: error.description)
                }
                cursor = batch.scannedThrough
            }
            if batch.events.count < batchSize { break }
        }
        return .caughtUp(delivered: delivered)
    }
}
