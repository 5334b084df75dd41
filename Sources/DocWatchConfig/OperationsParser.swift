import DocWatchCore
import Foundation

/// Reads `[metrics]`, `[retention]` and `[cluster]`.
enum OperationsParser {
    static func metrics(_ input: TableReader) throws(ConfigError) -> MetricsSettings {
        var reader = input
        var metrics = MetricsSettings()
        if let text = try reader.string("listen") {
            guard let address = ListenAddress.parse(text) else {
                throw reader.bad("listen", "'\(text)' is not a numeric address and port like \"127.0.0.1:9464\" or \"[::1]:9464\"")
            }
            metrics.listen = address
        }
        try reader.rejectUnknownKeys()
        return metrics
    }

    /// `keep_fetch_log` may also be written here; it then sets the same value as the top-level key.
    static func retention(_ input: TableReader, keepFetchLog: inout TimeInterval) throws(ConfigError) -> RetentionSettings {
        var reader = input
        var retention = RetentionSettings()
        retention.keepVersions = try reader.int("keep_versions", range: 1...1_000_000)
        retention.keepRaw = try reader.duration("keep_raw", minimum: 3600)
        retention.keepChanges = try reader.duration("keep_changes", minimum: 86_400)
        if let keep = try reader.duration("keep_fetch_log", minimum: 3600) { keepFetchLog = keep }
        try reader.rejectUnknownKeys()
        return retention
    }

    /// `[cluster]` is for daemons sharing a PostgreSQL database; with a SQLite file it is an error (one
    /// daemon per file, so the settings would silently do nothing).
    static func cluster(_ input: TableReader, database: String) throws(ConfigError) -> ClusterSettings {
        var reader = input
        guard DatabaseLocation.isPostgres(database) else {
            throw ConfigError.badValue(
                file: reader.file, line: reader.position.line, column: reader.position.column, key: "cluster",
                message: "applies only to a postgresql:// database; this database is a SQLite file (one daemon per file)")
        }
        var cluster = ClusterSettings()
        if let node = try reader.string("node") {
            guard !node.isEmpty, node.count <= 128, node.allSatisfy({ $0.isLetter || $0.isNumber || "-_.:@".contains($0) }) else {
                throw reader.bad("node", "'\(node)' is not a node name: 1 to 128 letters, digits and - _ . : @")
            }
            cluster.node = node
        }
        if let lease = try reader.duration("lease", minimum: 1) { cluster.lease = lease }
        try reader.rejectUnknownKeys()
        return cluster
    }
}
