import DocWatchCore
import DocWatchStore
import Foundation
import Logging

/// Drains the outbox into the log directory, in `seq` order, exactly once across crashes.
///
/// An event is marked delivered only after its line (and diff) are on disk. After a crash between
/// the write and the mark, the next drain finds the last `seq` written in the newest change file
/// and marks everything up to it delivered instead of writing it again.
public final class Notifier: OutboxDraining, @unchecked Sendable {
    private let database: DocWatchDatabase
    private let directory: ChangeLogDirectory
    private let logger: Logger
    private let lock = NSLock()
    /// Fault-injection hook for crash tests: runs after an event's line is written and before it is marked delivered.
    let afterWrite: (@Sendable (Int64) throws -> Void)?

    public convenience init(
        database: DocWatchDatabase, logDir: String, logger: Logger = Logger(label: "docwatch.notify"),
        afterWrite: (@Sendable (Int64) throws -> Void)? = nil
    ) {
        self.init(database: database, directory: ChangeLogDirectory(path: logDir), logger: logger, afterWrite: afterWrite)
    }

    /// A notifier writing through `directory` (tests give it failing system calls).
    init(
        database: DocWatchDatabase, directory: ChangeLogDirectory, logger: Logger = Logger(label: "docwatch.notify"),
        afterWrite: (@Sendable (Int64) throws -> Void)? = nil
    ) {
        self.database = database
        self.directory = directory
        self.logger = logger
        self.afterWrite = afterWrite
    }

    /// Writes every pending event; returns how many were written.
    @discardableResult
    public func drain() throws -> Int {
        lock.lock()
        defer { lock.unlock() }
        try directory.prepare()
        return try DrainLock.holding(in: directory) { try drainHoldingLock() }
    }

    /// Another process (a `fetch` beside the daemon) may have written events since the last drain:
    /// the last written seq is read again under the lock every time.
    private func drainHoldingLock() throws -> Int {
        if let last = try directory.lastWrittenSeq() {
            try storeCall { () throws(StoreError) in try database.markDelivered(through: last) }
        }
        var written = 0
        while true {
            let batch = try storeCall { () throws(StoreError) in try database.pendingEvents(limit: 200) }
            if batch.isEmpty { return written }
            for pending in batch {
                let event = pending.event
                let day = String(event.time.prefix(10))
                if let diff = pending.diffText, event.diff != nil {
                    try directory.writeDiff(seq: event.seq, day: day, text: diff)
                }
                try directory.append(line: event.jsonLine(), day: day)
                try afterWrite?(event.seq)
                try storeCall { () throws(StoreError) in try database.markDelivered(through: event.seq) }
                written += 1
                logger.info("change", metadata: ["seq": "\(event.seq)", "type": "\(event.type.rawValue)",
                                                 "source": "\(event.source)", "url": "\(event.url ?? "")"])
            }
        }
    }

    private func storeCall<T>(_ body: () throws(StoreError) -> T) throws(NotifyError) -> T {
        do {
            return try body()
        } catch {
            throw .store(error.description)
        }
    }
}
