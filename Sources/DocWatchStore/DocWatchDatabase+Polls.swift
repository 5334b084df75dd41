import DocWatchCore
import Foundation
import GRDB

extension DocWatchDatabase {
    /// Mirrors the configured sources: new ones are added, changed ones updated, missing ones marked removed.
    /// Only rows that differ are written: a start with the configuration as stored (every `fetch`, every
    /// daemon start) changes no row, and its commit writes nothing to the file.
    public func syncSources(_ sources: [Source]) throws(StoreError) {
        try write("save the configured sources") { db in
            var stored: [String: StoredSource] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, kind, url, name, removed FROM source") {
                stored[row["id"]] = StoredSource(kind: row["kind"], url: row["url"], name: row["name"], removed: row["removed"])
            }
            let configured = Set(sources.map(\.id))
            let remove = try db.cachedStatement(sql: "UPDATE source SET removed = 1 WHERE id = ?")
            for (id, row) in stored where !row.removed && !configured.contains(id) {
                try remove.execute(arguments: [id])
            }
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO source (id, kind, url, name, removed) VALUES (?, ?, ?, ?, 0)
                ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, url = excluded.url,
                    name = excluded.name, removed = 0
                """)
            for source in sources {
                let wanted = StoredSource(kind: source.kind.rawValue, url: source.url, name: source.name, removed: false)
                guard stored[source.id] != wanted else { continue }
                try upsert.execute(arguments: [source.id, source.kind.rawValue, source.url, source.name])
                stored[source.id] = wanted
            }
        }
    }

    /// The columns of a `source` row that `syncSources` writes.
    private struct StoredSource: Equatable {
        var kind: String
        var url: String
        var name: String
        var removed: Bool
    }

    /// The validators and hashes of the document stored under `url` (canonical), if any.
    public func documentState(url: String) throws(StoreError) -> DocumentState? {
        // A queued 304 of this URL holds its newest validators.
        if queuedPolls.contains(url: url) { try flushPolls() }
        // One SELECT: its own snapshot, without a transaction around it (every poll asks).
        return try readStatement("read document state") { db in
            try Row.fetchOne(db.cachedStatement(sql: Self.documentStateSQL + "WHERE d.url = ?"), arguments: [url]).map(Self.documentState)
        }
    }

    /// `documentState` of many URLs in one read (`docwatch fetch` of a thousand pages): the stored ones,
    /// by URL; a URL with nothing stored is absent.
    public func documentStates(urls: [String]) throws(StoreError) -> [String: DocumentState] {
        if urls.contains(where: queuedPolls.contains(url:)) { try flushPolls() }
        return try read("read document states") { db in
            var states: [String: DocumentState] = [:]
            // SQLite allows 32,766 parameters; chunks of 500 keep each statement small.
            for start in stride(from: 0, to: urls.count, by: 500) {
                let chunk = Array(urls[start..<min(start + 500, urls.count)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                for row in try Row.fetchAll(db, sql: Self.documentStateSQL + "WHERE d.url IN (\(marks))",
                                            arguments: StatementArguments(chunk)) {
                    states[row["url"]] = Self.documentState(row)
                }
            }
            return states
        }
    }

    private static let documentStateSQL = """
        SELECT d.id, d.url, d.etag, d.last_modified, d.raw_hash, d.hint, d.last_seen, v.content_hash
        FROM document d LEFT JOIN version v ON v.id = d.current_version\u{20}
        """

    private static func documentState(_ row: Row) -> DocumentState {
        DocumentState(id: row["id"], etag: row["etag"], lastModified: row["last_modified"], rawHash: row["raw_hash"],
                      contentHash: row["content_hash"], hint: row["hint"], lastSeen: row["last_seen"])
    }

    /// Records a poll that stored nothing new (`unchanged`, `not_modified`, `listed`, or `error`), refreshing
    /// the document's validators when the server sent new ones.
    public func recordPoll(_ entry: FetchLogEntry, etag: String? = nil, lastModified: String? = nil) throws(StoreError) {
        try write("record the poll of \(entry.url)") { db in
            try Self.applyPolls([QueuedPolls.Poll(entry: entry, etag: etag, lastModified: lastModified)], db)
        }
    }

    /// `recordPoll`, written with the next transaction of this database (any write, or `flushPolls`)
    /// instead of one of its own: `docwatch fetch` of a thousand unchanged pages commits once. Every
    /// `flushAfter` queued recordings are written at once. Throws only when that write fails.
    public func queuePoll(_ entry: FetchLogEntry, etag: String? = nil, lastModified: String? = nil,
                          flushAfter: Int = 500) throws(StoreError) {
        let queued = queuedPolls.append(QueuedPolls.Poll(entry: entry, etag: etag, lastModified: lastModified))
        if queued >= flushAfter { try flushPolls() }
    }

    /// Writes the queued poll recordings (see `queuePoll`) in one transaction; nothing when none wait.
    public func flushPolls() throws(StoreError) {
        let count = queuedPolls.count
        guard count > 0 else { return }
        try write("record \(count) polls") { _ in }
    }

    /// How many poll recordings wait for the next transaction.
    public var queuedPollCount: Int { queuedPolls.count }

    /// Writes poll recordings in `db`'s transaction: each one's fetch-log row, and for a 304 or an
    /// unchanged body the document's last-seen time and any new validators.
    static func applyPolls(_ polls: [QueuedPolls.Poll], _ db: Database) throws {
        for poll in polls {
            let entry = poll.entry
            // Formatted once for both rows.
            let time = StoredDate(entry.time)
            try insertLog(entry, at: time, db)
            guard entry.outcome == .unchanged || entry.outcome == .notModified else { continue }
            try db.cachedStatement(sql: """
                UPDATE document SET last_seen = ?, missing_count = 0,
                    etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified)
                WHERE url = ?
                """).execute(arguments: [time, poll.etag, poll.lastModified, entry.url])
        }
    }

    /// Records a 404/410 for a stored document; the third in a row writes `document.gone` once.
    @discardableResult
    public func recordMissing(_ entry: FetchLogEntry) throws(StoreError) -> Int64? {
        try write("record the missing page \(entry.url)") { db -> Int64? in
            try Self.insertLog(entry, db)
            guard let row = try Row.fetchOne(db, sql: """
                SELECT d.id, d.missing_count, v.title FROM document d LEFT JOIN version v ON v.id = d.current_version
                WHERE d.url = ?
                """, arguments: [entry.url])
            else { return nil }
            let count: Int = row["missing_count"] + 1
            let id: Int64 = row["id"]
            try db.execute(sql: "UPDATE document SET missing_count = ? WHERE id = ?", arguments: [count, id])
            guard count == 3 else { return nil }
            return try Outbox.append(db, time: entry.time, type: .documentGone, source: entry.source, url: entry.url,
                                     document: id, title: row["title"])
        }
    }

    /// Updates a source's health after one poll and writes `source.failing` on the first failure after a
    /// success and `source.recovered` on the first success after failures. Returns the event written.
    @discardableResult
    public func recordSourcePoll(
        source: String, time: Date, outcome: FetchOutcome, error: String?, nextDue: Date?
    ) throws(StoreError) -> Int64? {
        try write("record the health of source \(source)") { db -> Int64? in
            try Self.recordSourcePoll(SourcePoll(source: source, time: time, outcome: outcome, error: error, nextDue: nextDue), db)
        }
    }

    /// `recordSourcePoll` for many sources in one transaction (`docwatch fetch` of a thousand sources:
    /// one commit instead of a thousand). Returns the events written, in order.
    @discardableResult
    public func recordSourcePolls(_ polls: [SourcePoll]) throws(StoreError) -> [Int64] {
        guard !polls.isEmpty else { return [] }
        return try write("record the health of \(polls.count) sources") { db in
            // The failing sources' counts in one read instead of one per poll (a source absent has none),
            // kept as this transaction changes them.
            var failures: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, failures FROM source WHERE failures != 0") {
                failures[row["id"]] = row["failures"]
            }
            // Polls finished at the same instant (`fetch` records all its sources at one) share one formatted time.
            var formatted: (time: Date, text: StoredDate)?
            return try polls.compactMap { poll in
                let time = formatted.flatMap { $0.time == poll.time ? $0.text : nil } ?? StoredDate(poll.time)
                formatted = (poll.time, time)
                let previous = failures[poll.source] ?? 0
                let recorded = try Self.recordSourcePoll(poll, at: time, previous: previous, db)
                // A source with no row stays at none, as its SELECT would say.
                failures[poll.source] = recorded.updated && poll.outcome == .error ? previous + 1 : nil
                return recorded.event
            }
        }
    }

    private static func recordSourcePoll(_ poll: SourcePoll, _ db: Database) throws -> Int64? {
        let previous = try Int.fetchOne(db.cachedStatement(sql: "SELECT failures FROM source WHERE id = ?"), arguments: [poll.source]) ?? 0
        return try recordSourcePoll(poll, at: StoredDate(poll.time), previous: previous, db).event
    }

    /// `recordSourcePoll` with `poll.time` already formatted as `time`, and the source's failures in a row
    /// before this poll (`previous`). Returns the event written, and whether the source has a row to update.
    private static func recordSourcePoll(
        _ poll: SourcePoll, at time: StoredDate, previous: Int, _ db: Database
    ) throws -> (event: Int64?, updated: Bool) {
        let failed = poll.outcome == .error
        try db.cachedStatement(sql: """
            UPDATE source SET last_poll = ?, last_outcome = ?, next_due = COALESCE(?, next_due),
                failures = ?, last_error = ?, last_success = CASE WHEN ? THEN last_success ELSE ? END
            WHERE id = ?
            """).execute(arguments: [time, poll.outcome.rawValue, poll.nextDue.map(StoredDate.init),
                                     failed ? previous + 1 : 0, failed ? poll.error : nil, failed, time,
                                     poll.source])
        let updated = db.changesCount > 0
        if failed && previous == 0 {
            return (try Outbox.append(db, time: poll.time, type: .sourceFailing, source: poll.source, error: poll.error), updated)
        }
        if !failed && previous > 0 {
            return (try Outbox.append(db, time: poll.time, type: .sourceRecovered, source: poll.source), updated)
        }
        return (nil, updated)
    }

    /// Deletes fetch-log rows older than `date`; returns how many went.
    @discardableResult
    public func pruneFetchLog(before date: Date) throws(StoreError) -> Int {
        try write("prune the fetch log") { db in
            try db.execute(sql: "DELETE FROM fetch_log WHERE time < ?", arguments: [date])
            return db.changesCount
        }
    }

    static func insertLog(_ entry: FetchLogEntry, _ db: Database) throws {
        try insertLog(entry, at: StoredDate(entry.time), db)
    }

    /// `insertLog` with `entry.time` already formatted as `time`.
    static func insertLog(_ entry: FetchLogEntry, at time: StoredDate, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO fetch_log (time, source, url, status, outcome, bytes, ms, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [time, entry.source, entry.url, entry.status, entry.outcome.rawValue, entry.bytes,
                             entry.ms, entry.error])
    }
}
