import DocWatchCore
import Foundation
import GRDB

extension DocWatchDatabase {
    /// Mirrors the configured sources: new ones are added, changed ones updated, missing ones marked removed.
    public func syncSources(_ sources: [Source]) throws(StoreError) {
        try write("save the configured sources") { db in
            try db.execute(sql: "UPDATE source SET removed = 1")
            for source in sources {
                try db.execute(
                    sql: """
                        INSERT INTO source (id, kind, url, name, removed) VALUES (?, ?, ?, ?, 0)
                        ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, url = excluded.url,
                            name = excluded.name, removed = 0
                        """,
                    arguments: [source.id, source.kind.rawValue, source.url, source.name])
            }
        }
    }

    /// The validators and hashes of the document stored under `url` (canonical), if any.
    public func documentState(url: String) throws(StoreError) -> DocumentState? {
        try read("read document state") { db in
            try Row.fetchOne(db.cachedStatement(sql: """
                SELECT d.id, d.etag, d.last_modified, d.raw_hash, d.hint, d.last_seen, v.content_hash
                FROM document d LEFT JOIN version v ON v.id = d.current_version WHERE d.url = ?
                """), arguments: [url]).map {
                DocumentState(id: $0["id"], etag: $0["etag"], lastModified: $0["last_modified"], rawHash: $0["raw_hash"],
                              contentHash: $0["content_hash"], hint: $0["hint"], lastSeen: $0["last_seen"])
            }
        }
    }

    /// Records a poll that stored nothing new (`unchanged`, `not_modified`, `listed`, or `error`), refreshing
    /// the document's validators when the server sent new ones.
    public func recordPoll(_ entry: FetchLogEntry, etag: String? = nil, lastModified: String? = nil) throws(StoreError) {
        try write("record the poll of \(entry.url)") { db in
            try insertLog(entry, db)
            guard entry.outcome == .unchanged || entry.outcome == .notModified else { return }
            try db.cachedStatement(sql: """
                UPDATE document SET last_seen = ?, missing_count = 0,
                    etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified)
                WHERE url = ?
                """).execute(arguments: [entry.time, etag, lastModified, entry.url])
        }
    }

    /// Records a 404/410 for a stored document; the third in a row writes `document.gone` once.
    @discardableResult
    public func recordMissing(_ entry: FetchLogEntry) throws(StoreError) -> Int64? {
        try write("record the missing page \(entry.url)") { db -> Int64? in
            try insertLog(entry, db)
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
            try polls.compactMap { try Self.recordSourcePoll($0, db) }
        }
    }

    private static func recordSourcePoll(_ poll: SourcePoll, _ db: Database) throws -> Int64? {
        let previous = try Int.fetchOne(db.cachedStatement(sql: "SELECT failures FROM source WHERE id = ?"), arguments: [poll.source]) ?? 0
        let failed = poll.outcome == .error
        try db.cachedStatement(sql: """
            UPDATE source SET last_poll = ?, last_outcome = ?, next_due = COALESCE(?, next_due),
                failures = ?, last_error = ?, last_success = CASE WHEN ? THEN last_success ELSE ? END
            WHERE id = ?
            """).execute(arguments: [poll.time, poll.outcome.rawValue, poll.nextDue, failed ? previous + 1 : 0,
                                     failed ? poll.error : nil, failed, poll.time, poll.source])
        if failed && previous == 0 {
            return try Outbox.append(db, time: poll.time, type: .sourceFailing, source: poll.source, error: poll.error)
        }
        if !failed && previous > 0 {
            return try Outbox.append(db, time: poll.time, type: .sourceRecovered, source: poll.source)
        }
        return nil
    }

    /// Deletes fetch-log rows older than `date`; returns how many went.
    @discardableResult
    public func pruneFetchLog(before date: Date) throws(StoreError) -> Int {
        try write("prune the fetch log") { db in
            try db.execute(sql: "DELETE FROM fetch_log WHERE time < ?", arguments: [date])
            return db.changesCount
        }
    }

    func insertLog(_ entry: FetchLogEntry, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO fetch_log (time, source, url, status, outcome, bytes, ms, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [entry.time, entry.source, entry.url, entry.status, entry.outcome.rawValue, entry.bytes,
                             entry.ms, entry.error])
    }
}
