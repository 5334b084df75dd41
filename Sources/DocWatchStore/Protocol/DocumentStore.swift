import DocWatchCore
import Foundation

/// Everything docwatch asks of its database, named by intent: the seam between the pipeline, the
/// notifier, the daemon and the CLI on one side and a backend on the other.
///
/// Two backends serve it: `DocWatchDatabase` (SQLite, one file, the default) and `PostgresStore`
/// (target `DocWatchPostgres`, for a team: several daemons and analysts on one server). Every method is
/// synchronous and throws `StoreError`; both backends block the calling thread for the round trip, as
/// the SQLite backend always has. Methods a backend cannot serve (a SQLite file backup on PostgreSQL)
/// throw a `StoreError` saying what to use instead.
public protocol DocumentStore: Sendable {
    /// Where the data lives, for messages: a file path or a `postgresql://` URL without its password.
    var location: String { get }

    // MARK: Sources and their schedule
    func syncSources(_ sources: [Source]) throws(StoreError)
    func storedSchedules() throws(StoreError) -> [String: SourceSchedule]
    func health(of sources: [Source]) throws(StoreError) -> [SourceHealth]
    func sourceHealth(includeRemoved: Bool) throws(StoreError) -> [SourceHealth]
    func lastSuccesses() throws(StoreError) -> [String: Date]

    // MARK: Polls
    func documentState(url: String) throws(StoreError) -> DocumentState?
    func documentStates(urls: [String]) throws(StoreError) -> [String: DocumentState]
    func recordPoll(_ entry: FetchLogEntry, etag: String?, lastModified: String?) throws(StoreError)
    /// Queues a 304 or unchanged poll to be written with the next write (or `flushPolls`).
    func queuePoll(_ entry: FetchLogEntry, etag: String?, lastModified: String?, flushAfter: Int) throws(StoreError)
    func flushPolls() throws(StoreError)
    var queuedPollCount: Int { get }
    func recordMissing(_ entry: FetchLogEntry) throws(StoreError) -> Int64?
    func recordSourcePoll(
        source: String, time: Date, outcome: FetchOutcome, error: String?, nextDue: Date?
    ) throws(StoreError) -> Int64?
    func recordSourcePolls(_ polls: [SourcePoll]) throws(StoreError) -> [Int64]
    func pruneFetchLog(before date: Date) throws(StoreError) -> Int

    // MARK: Listings
    func listingState(url: String) throws(StoreError) -> ListingState?
    func recordListing(_ entry: FetchLogEntry, state: ListingState, links: Int) throws(StoreError)
    func forgetListingHash(url: String) throws(StoreError)
    func knownDocuments(_ urls: [String]) throws(StoreError) -> [String: String?]
    func documentsToRecheck(
        source: String, lastSeenBefore date: Date, firstSeenAfter: Date?, limit: Int
    ) throws(StoreError) -> [String]

    // MARK: Versions
    func store(_ page: IngestedPage) throws(StoreError) -> StoreResult
    func store(batch pages: [IngestedPage]) throws(StoreError) -> [StoreResult]
    func currentAttachments(document: Int64) throws(StoreError) -> [AttachmentRecord]

    // MARK: Reading what is stored
    func fetchLog(_ filter: FetchLogFilter) throws(StoreError) -> [(id: Int64, entry: FetchLogEntry)]
    func document(_ reference: String) throws(StoreError) -> DocumentDetail?
    func versionText(document: Int64, number: Int) throws(StoreError) -> String?
    func versionSnapshot(document: Int64, number: Int) throws(StoreError) -> DocumentSnapshot?
    /// A raw body by its hash. Bodies live in the database (`body` table); a body store keyed by this
    /// hash (object storage) would sit behind this method and `store(_:)`'s body write.
    func body(rawHash: String) throws(StoreError) -> [UInt8]?
    func search(_ request: SearchRequest) throws(StoreError) -> [SearchHit]
    func storeCounts() throws(StoreError) -> StoreCounts

    // MARK: Outbox
    /// Undelivered events this process may write, oldest first (on PostgreSQL: the ones this node has
    /// claimed, claiming more as needed, so each event is written by exactly one node).
    func pendingEvents(limit: Int) throws(StoreError) -> [OutboxEvent]
    func markDelivered(through seq: Int64) throws(StoreError)
    func outboxBacklog() throws(StoreError) -> Int
    func advanceOutboxSequence(past seq: Int64) throws(StoreError) -> Int64?
    /// Events with `seq > after`, delivered or not, oldest first: `changes` on a shared database.
    func events(after seq: Int64, limit: Int) throws(StoreError) -> [OutboxEvent]

    // MARK: Push targets
    func syncPushTargets(_ ids: [String], now: Date) throws(StoreError) -> [String: Int64]
    func pushBatch(after cursor: Int64, filter: PushFilter, limit: Int) throws(StoreError) -> PushBatch
    func advancePushCursor(target: String, to seq: Int64) throws(StoreError)
    func pushBacklogs() throws(StoreError) -> [PushCursorState]
    func oldestPushCursor() throws(StoreError) -> Int64?

    // MARK: Several daemons on one database
    /// Leases the given due sources to `node` for `lease`; what another node holds, or polled since
    /// (its `next_due` is in the future), comes back deferred with the time to look again.
    func claimSources(_ ids: [String], node: String, now: Date, lease: TimeInterval) throws(StoreError) -> SourceClaims
    /// Ends `node`'s leases of `ids` before they run out (polls cancelled at shutdown), so another node
    /// may take those sources at once instead of after the lease.
    func releaseSources(_ ids: [String], node: String) throws(StoreError)
    /// Reserves the next start to `host` at least `delay` after the previous one, across every process
    /// sharing the store; returns when this transfer may start (`now` when nothing is shared).
    func reserveHostSlot(host: String, delay: TimeInterval, now: Date) throws(StoreError) -> Date
    /// Whether `node` may push to `target` now (it holds or takes the target's lease).
    func claimPushTarget(_ target: String, node: String, now: Date, lease: TimeInterval) throws(StoreError) -> Bool

    // MARK: Upkeep
    func prune(_ plan: StorePrunePlan, dryRun: Bool) throws(StoreError) -> StorePruneResult
    func consistencyProblems() throws(StoreError) -> [String]
    func quickCheck() throws(StoreError)
    func backup(to destination: String) throws(StoreError) -> UInt64
}

/// What `claimSources` leased and what it did not.
public struct SourceClaims: Sendable, Equatable {
    /// Sources now leased to the caller: poll them.
    public var claimed: [String]
    /// Sources held by another node or not due any more, with when to look again.
    public var deferred: [String: Date]

    public init(claimed: [String], deferred: [String: Date] = [:]) {
        self.claimed = claimed
        self.deferred = deferred
    }
}

extension DocumentStore {
    public func recordPoll(_ entry: FetchLogEntry) throws(StoreError) {
        try recordPoll(entry, etag: nil, lastModified: nil)
    }

    public func queuePoll(_ entry: FetchLogEntry, etag: String? = nil, lastModified: String? = nil) throws(StoreError) {
        try queuePoll(entry, etag: etag, lastModified: lastModified, flushAfter: 500)
    }

    public func sourceHealth() throws(StoreError) -> [SourceHealth] { try sourceHealth(includeRemoved: false) }

    public func pendingEvents() throws(StoreError) -> [OutboxEvent] { try pendingEvents(limit: 500) }

    public func syncPushTargets(_ ids: [String]) throws(StoreError) -> [String: Int64] {
        try syncPushTargets(ids, now: Date())
    }

    public func pushBatch(after cursor: Int64, filter: PushFilter) throws(StoreError) -> PushBatch {
        try pushBatch(after: cursor, filter: filter, limit: 50)
    }

    public func documentsToRecheck(source: String, lastSeenBefore date: Date, limit: Int) throws(StoreError) -> [String] {
        try documentsToRecheck(source: source, lastSeenBefore: date, firstSeenAfter: nil, limit: limit)
    }
}
