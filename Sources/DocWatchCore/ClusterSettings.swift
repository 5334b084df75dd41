import Foundation

/// `[cluster]`: how this daemon shares a PostgreSQL database with other daemons.
///
/// Only meaningful with a `postgresql://` database; the parser refuses the table with a SQLite file.
public struct ClusterSettings: Sendable, Equatable {
    /// This daemon's name among the daemons sharing the database; `nil` means the host name (stable across restarts: a restarted daemon finds its leases and claimed events).
    /// Two running daemons must not share a name (they would take each other's leases for their own).
    public var node: String?
    /// How long a node holds a source it claimed (and a push target): a dead node's sources are
    /// polled by another node once this has passed.
    public var lease: TimeInterval = 600

    public init(node: String? = nil, lease: TimeInterval = 600) {
        self.node = node
        self.lease = lease
    }
}

/// Whether a `database` setting names a PostgreSQL server (`postgresql://` or `postgres://`) rather
/// than a SQLite file.
public enum DatabaseLocation {
    public static func isPostgres(_ database: String) -> Bool {
        database.hasPrefix("postgresql://") || database.hasPrefix("postgres://")
    }
}
