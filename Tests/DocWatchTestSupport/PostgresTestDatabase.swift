import DocWatchPostgres
import DocWatchStore
import Foundation

/// A fresh, empty PostgreSQL database on the test cluster, dropped with the value.
///
/// The cluster is the one `scripts/postgres-test-cluster.sh` starts (`scripts/test.sh` and `.ci/run` do);
/// its URL comes from `DOCWATCH_TEST_POSTGRES`. Tests that need PostgreSQL are enabled with
/// `.enabled(if: PostgresTestDatabase.isAvailable)`; `scripts/test.sh` always provides one, so in CI they run.
public final class PostgresTestDatabase: @unchecked Sendable {
    /// The cluster's URL (its maintenance database), when tests have one.
    public static let clusterURL = ProcessInfo.processInfo.environment["DOCWATCH_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    public static var isAvailable: Bool { clusterURL != nil }

    public let name: String
    /// The new database's URL.
    public let url: String

    public init() throws {
        guard let cluster = Self.clusterURL else {
            throw StoreError(operation: "create a test database", message: "DOCWATCH_TEST_POSTGRES is not set")
        }
        name = "docwatch_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let admin = try PostgresConnection(url: cluster)
        try admin.script("CREATE DATABASE \(name)", operation: "create the test database")
        url = Self.replacingDatabase(in: cluster, with: name)
    }

    deinit {
        guard let cluster = Self.clusterURL, let admin = try? PostgresConnection(url: cluster) else { return }
        try? admin.script("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", operation: "drop the test database")
    }

    /// A store on the database, migrated, as the daemon opens one.
    public func open(node: String = "test-node") throws -> PostgresStore {
        try PostgresStore.open(url: url, node: node)
    }

    /// `url` with its path (the database name) replaced, query kept.
    static func replacingDatabase(in url: String, with database: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let query = rest[slash...].firstIndex(of: "?").map { String(rest[$0...]) } ?? ""
        return String(url[..<slash]) + "/" + database + query
    }
}
