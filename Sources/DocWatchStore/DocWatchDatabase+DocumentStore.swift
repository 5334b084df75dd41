import DocWatchCore
import Foundation
import GRDB

/// The SQLite backend serves the store interface: one file, one writing daemon (its lock file sees to
/// that), so the cluster methods lease everything to the caller and share nothing.
extension DocWatchDatabase: DocumentStore {
    public var location: String { path ?? ":memory:" }

    /// One daemon per file: every due source is the caller's.
    public func claimSources(_ ids: [String], node: String, now: Date, lease: TimeInterval) throws(StoreError) -> SourceClaims {
        SourceClaims(claimed: ids)
    }

    /// Nothing is leased on a file only one daemon uses.
    public func releaseSources(_ ids: [String], node: String) throws(StoreError) {}

    /// The daemon's own host gate keeps the delay; nothing else polls through this file.
    public func reserveHostSlot(host: String, delay: TimeInterval, now: Date) throws(StoreError) -> Date { now }

    /// The one daemon pushes to every target.
    public func claimPushTarget(_ target: String, node: String, now: Date, lease: TimeInterval) throws(StoreError) -> Bool {
        true
    }

    /// Events with `seq > after`, oldest first, delivered or not.
    public func events(after seq: Int64, limit: Int) throws(StoreError) -> [OutboxEvent] {
        try read("read the outbox") { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?"),
                             arguments: [seq, limit])
                .map(Outbox.decode)
        }
    }
}
