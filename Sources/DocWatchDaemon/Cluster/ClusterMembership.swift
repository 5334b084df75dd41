import DocWatchCore
import DocWatchFetch
import DocWatchStore
import Foundation

/// Leases due sources for this daemon (the store's `claimSources`, or a fake in tests).
public protocol SourceClaiming: Sendable {
    func claimSources(_ ids: [String], node: String, now: Date, lease: TimeInterval) throws(StoreError) -> SourceClaims
    /// Gives back leases of polls that will not finish (cancelled at shutdown).
    func releaseSources(_ ids: [String], node: String) throws(StoreError)
}

/// This daemon as one of several on a shared (PostgreSQL) database: its name, how long its leases
/// last, and where sources are claimed. Absent for a single daemon on SQLite, where everything is its own.
public struct ClusterMembership: Sendable {
    public var node: String
    public var lease: TimeInterval
    public var claims: any SourceClaiming

    public init(node: String, lease: TimeInterval, claims: any SourceClaiming) {
        self.node = node
        self.lease = lease
        self.claims = claims
    }

    /// How long sources wait before asking again when the claim itself failed (the database is down).
    static let failedClaimRetry: TimeInterval = 10

    /// How often the leases of polls in flight are renewed: three times a lease.
    var renewalInterval: TimeInterval { lease / 3 }
}

/// The store as the scheduler's `SourceClaiming` and the fetcher's `SharedHostSchedule`.
struct StoreClusterSeams: SourceClaiming, SharedHostSchedule {
    let store: any DocumentStore

    func claimSources(_ ids: [String], node: String, now: Date, lease: TimeInterval) throws(StoreError) -> SourceClaims {
        try store.claimSources(ids, node: node, now: now, lease: lease)
    }

    func releaseSources(_ ids: [String], node: String) throws(StoreError) {
        try store.releaseSources(ids, node: node)
    }

    func reserve(host: String, delay: TimeInterval, now: Date) throws -> Date {
        try store.reserveHostSlot(host: host, delay: delay, now: now)
    }
}
