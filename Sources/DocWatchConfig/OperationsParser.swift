import DocWatchCore
import Foundation

/// Reads `[metrics]` and `[retention]`.
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
}
