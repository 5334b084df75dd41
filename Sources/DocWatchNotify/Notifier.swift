import DocWatchCore
import DocWatchStore
import Foundation
import Logging

/// Drains the outbox into the log directory, in `seq` order, exactly once across crashes.
///
/// An event is marked delivered only after its line (and diff) are on disk. After a crash between
/// the write and the mark, the next drain finds the last `seq` written in the newest change file
/// and marks everything up to it delivered instead of writing it again; when that seq is past the
/// outbox's own (a database restored from a backup), the outbox's sequence is moved past it first.
public final class Notifier: OutboxDraining, @unchecked Sendable {
    private let database: any DocumentStore
    private let directory: ChangeLogDirectory
    private let logger: Logger
    private let lock = NSLock()
    /// Fault-injection hook for crash tests: runs after an event's line is written and before it is marked delivered.
    let afterWrite: (@Sendable (Int64) throws -> Void)?

    public convenience init(
        database: any DocumentStore, logDir: String, logger: Logger = Logger(label: "docwatch.notify"),
        afterWrite: (@Sendable (Int64) throws -> Void)? = nil
    ) {
        self.init(database: database, directory: ChangeLogDirectory(path: logDir), logger: logger, afterWrite: afterWrite)
        // Before this process stores any event: a database restored from a backup must not hand out
        // seqs the change files already hold (see `catchUpHoldingLock`). A failure here is met again,
        // and reported, by the first drain.
        do {
            try recover()
        } catch {
            logger.warning("cannot check the change files at start", metadata: ["error": "\(error)"])
        }
    }

    /// A notifier writing through `directory` (tests give it failing system calls).
    init(
        database: any DocumentStore, directory: ChangeLogDirectory, logger: Logger = Logger(label: "docwatch.notify"),
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

    /// Brings the outbox in line with the change files without writing an event: marks what is on
    /// disk delivered and moves the outbox's sequence past it. Nothing to do before the log directory exists.
    public func recover() throws {
        lock.lock()
        defer { lock.unlock() }
        guard FileManager.default.fileExists(atPath: directory.path) else { return }
        try directory.prepare()
        try DrainLock.holding(in: directory) { try catchUpHoldingLock() }
    }

    /// Another process (a `fetch` beside the daemon) may have written events since the last drain:
    /// the last written seq is read again under the lock every time.
    private func drainHoldingLock() throws -> Int {
        try catchUpHoldingLock()
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

    /// Marks everything up to the last seq in the change files delivered (written before a crash
    /// could mark it). After a restore from a backup the files hold seqs the outbox has not reached:
    /// its sequence moves past them so new events follow what is on disk instead of counting as
    /// written; events still pending in the restored outbox up to that seq were written before the restore.
    private func catchUpHoldingLock() throws {
        guard let last = try directory.lastWrittenSeq() else { return }
        let previous = try storeCall { () throws(StoreError) in try database.advanceOutboxSequence(past: last) }
        try storeCall { () throws(StoreError) in try database.markDelivered(through: last) }
        guard let previous else { return }
        logger.warning("outbox sequence was behind the change files (restored from a backup?): new events continue after the last written seq",
                       metadata: ["outbox_seq": "\(previous)", "last_written_seq": "\(last)", "log_dir": "\(directory.path)"])
    }

    private func storeCall<T>(_ body: () throws(StoreError) -> T) throws(NotifyError) -> T {
        do {
            return try body()
        } catch {
            throw .store(error.description)
        }
    }
}
