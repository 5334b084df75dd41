import DocWatchCore
import DocWatchStore
import Foundation

extension PostgresStore {
    /// Mirrors the configured sources: new ones are added, changed ones updated, missing ones marked removed.
    /// Lease and last-node columns are left as they are.
    public func syncSources(_ sources: [Source]) throws(StoreError) {
        try write("save the configured sources") { (connection) throws(StoreError) in
            let operation = "save the configured sources"
            try connection.query("UPDATE source SET removed = 1", operation: operation)
            // One upsert per id, the last of duplicates winning as the SQLite backend's row-by-row upsert does.
            var latest: [String: Source] = [:]
            for source in sources { latest[source.id] = source }
            let unique = latest.values.sorted { $0.id < $1.id }
            guard !unique.isEmpty else { return }
            try connection.query("""
                INSERT INTO source (id, kind, url, name, removed)
                SELECT s.id, s.kind, s.url, s.name, 0 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS s(id, kind, url, name)
                ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, url = excluded.url, name = excluded.name, removed = 0
                """, [PostgresTextArray(unique.map(\.id)), PostgresTextArray(unique.map(\.kind.rawValue)),
                      PostgresTextArray(unique.map(\.url)), PostgresTextArray(unique.map(\.name))], operation: operation)
        }
    }

    /// The stored schedule of every configured (not removed) source, by id, for the scheduler's start.
    public func storedSchedules() throws(StoreError) -> [String: SourceSchedule] {
        try pool.withConnection { (connection) throws(StoreError) in
            var schedules: [String: SourceSchedule] = [:]
            for row in try connection.query("SELECT id, next_due, failures FROM source WHERE removed = 0", operation: "read the poll schedule") {
                guard let id = row.string("id") else { continue }
                schedules[id] = SourceSchedule(nextDue: row.date("next_due"), failures: row.int("failures") ?? 0)
            }
            return schedules
        }
    }

    /// The health of each configured source, in id order, read without writing anything (see the SQLite
    /// backend's `health(of:)`; both share `SourceHealth.configured`).
    public func health(of sources: [Source]) throws(StoreError) -> [SourceHealth] {
        SourceHealth.configured(sources, stored: try sourceHealth(includeRemoved: true))
    }

    /// The validators and hashes of the document stored under `url` (canonical), if any.
    public func documentState(url: String) throws(StoreError) -> DocumentState? {
        // A queued 304 of this URL holds its newest validators.
        if queuedPolls.contains(url: url) { try flushPolls() }
        return try pool.withConnection { (connection) throws(StoreError) in
            try connection.query(Self.documentStateSQL + "WHERE d.url = $1", [url], operation: "read document state")
                .first.flatMap(Self.documentState)
        }
    }

    /// `documentState` of many URLs in one read: the stored ones, by URL; a URL with nothing stored is absent.
    public func documentStates(urls: [String]) throws(StoreError) -> [String: DocumentState] {
        if urls.contains(where: queuedPolls.contains(url:)) { try flushPolls() }
        guard !urls.isEmpty else { return [:] }
        return try pool.withConnection { (connection) throws(StoreError) in
            var states: [String: DocumentState] = [:]
            for row in try connection.query(Self.documentStateSQL + "WHERE d.url = ANY($1::text[])", [PostgresTextArray(urls)],
                                            operation: "read document states") {
                guard let url = row.string("url"), let state = Self.documentState(row) else { continue }
                states[url] = state
            }
            return states
        }
    }

    private static let documentStateSQL = """
        SELECT d.id, d.url, d.etag, d.last_modified, d.raw_hash, d.hint, d.last_seen, v.content_hash
        FROM document d LEFT JOIN version v ON v.id = d.current_version\u{20}
        """

    private static func documentState(_ row: PostgresRow) -> DocumentState? {
        guard let id = row.int64("id"), let lastSeen = row.date("last_seen") else { return nil }
        return DocumentState(id: id, etag: row.string("etag"), lastModified: row.string("last_modified"), rawHash: row.string("raw_hash"),
                             contentHash: row.string("content_hash"), hint: row.string("hint"), lastSeen: lastSeen)
    }

    /// Records a poll that stored nothing new (`unchanged`, `not_modified`, `listed`, or `error`), refreshing
    /// the document's validators when the server sent new ones.
    public func recordPoll(_ entry: FetchLogEntry, etag: String?, lastModified: String?) throws(StoreError) {
        try write("record the poll of \(entry.url)") { (connection) throws(StoreError) in
            try applyPolls([QueuedPolls.Poll(entry: entry, etag: etag, lastModified: lastModified)], connection)
        }
    }

    /// `recordPoll`, written with the next transaction of this store (any write, or `flushPolls`) instead of
    /// one of its own. Every `flushAfter` queued recordings are written at once. Throws only when that write fails.
    public func queuePoll(_ entry: FetchLogEntry, etag: String?, lastModified: String?, flushAfter: Int) throws(StoreError) {
        let queued = queuedPolls.append(QueuedPolls.Poll(entry: entry, etag: etag, lastModified: lastModified))
        if queued >= flushAfter { try flushPolls() }
    }

    /// Writes the queued poll recordings (see `queuePoll`) in one transaction; nothing when none wait.
    public func flushPolls() throws(StoreError) {
        let count = queuedPolls.count
        guard count > 0 else { return }
        try write("record \(count) polls") { (_) throws(StoreError) in }
    }

    /// How many poll recordings wait for the next transaction.
    public var queuedPollCount: Int { queuedPolls.count }

    /// Writes poll recordings in `connection`'s transaction: each one's fetch-log row, and for a 304 or an
    /// unchanged body the document's last-seen time and any new validators. `write` calls it first.
    /// Writes queued polls in two statements whatever their number: the fetch-log rows in queue order,
    /// then each seen document's last sighting and validators. Several polls of one URL fold into one
    /// update as applying them in order would leave it (the last time; the last validator given).
    func applyPolls(_ polls: [QueuedPolls.Poll], _ connection: PostgresConnection) throws(StoreError) {
        guard !polls.isEmpty else { return }
        try PostgresFetchLog.insert(polls.map(\.entry), connection)
        var seen: [String: (time: Date, etag: String?, lastModified: String?)] = [:]
        var order: [String] = []
        for poll in polls where poll.entry.outcome == .unchanged || poll.entry.outcome == .notModified {
            let url = poll.entry.url
            if let earlier = seen[url] {
                seen[url] = (poll.entry.time, poll.etag ?? earlier.etag, poll.lastModified ?? earlier.lastModified)
            } else {
                order.append(url)
                seen[url] = (poll.entry.time, poll.etag, poll.lastModified)
            }
        }
        guard !order.isEmpty else { return }
        let rows = order.compactMap { url in seen[url].map { (url: url, state: $0) } }
        try connection.query("""
            UPDATE document d SET last_seen = u.time, missing_count = 0,
                etag = COALESCE(u.etag, d.etag), last_modified = COALESCE(u.last_modified, d.last_modified)
            FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[]) AS u(url, time, etag, last_modified)
            WHERE d.url = u.url
            """, [PostgresTextArray(rows.map(\.url)), PostgresTextArray(rows.map(\.state.time)),
                  PostgresTextArray(rows.map(\.state.etag)), PostgresTextArray(rows.map(\.state.lastModified))],
            operation: "record \(polls.count) polls")
    }

    /// Records a 404/410 for a stored document; the third in a row writes `document.gone` once (the count
    /// is raised in one statement, so two nodes recording at once cannot both see the third).
    public func recordMissing(_ entry: FetchLogEntry) throws(StoreError) -> Int64? {
        try write("record the missing page \(entry.url)") { (connection) throws(StoreError) -> Int64? in
            let operation = "record the missing page \(entry.url)"
            try PostgresFetchLog.insert(entry, connection)
            guard let row = try connection.query("""
                UPDATE document d SET missing_count = d.missing_count + 1 WHERE d.url = $1
                RETURNING d.id, d.missing_count, (SELECT v.title FROM version v WHERE v.id = d.current_version) AS title
                """, [entry.url], operation: operation).first, let id = row.int64("id"), row.int("missing_count") == 3
            else { return nil }
            return try PostgresOutboxAppend.append(connection, time: entry.time, type: .documentGone, source: entry.source,
                                                   url: entry.url, document: id, title: row.string("title"))
        }
    }

    /// Deletes fetch-log rows older than `date`; returns how many went.
    public func pruneFetchLog(before date: Date) throws(StoreError) -> Int {
        try write("prune the fetch log") { (connection) throws(StoreError) in
            try connection.query("WITH gone AS (DELETE FROM fetch_log WHERE time < $1 RETURNING 1) SELECT count(*) AS n FROM gone",
                                 [date], operation: "prune the fetch log").first?.int("n") ?? 0
        }
    }
}
