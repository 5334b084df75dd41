import DocWatchCore
import DocWatchTestSupport
import Foundation

/// A temporary directory with a config, database, log directory and notify socket path for one daemon.
final class DaemonWorkspace {
    let directory: URL
    var configPath: String { directory.appendingPathComponent("docwatch.toml").path }
    var logDir: String { directory.appendingPathComponent("log").path }
    var databasePath: String { directory.appendingPathComponent("state/docwatch.sqlite").path }
    var notifySocketPath: String { directory.appendingPathComponent("notify").path }

    init() throws {
        // Short: a unix socket path must fit in 108 bytes.
        directory = URL(fileURLWithPath: "/tmp/dwd-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Writes a config polling every source every second, with the given `[[source]]` tables.
    func writeConfig(sources: [(id: String, url: String)], extra: String = "") throws {
        let tables = sources.map { "[[source]]\nid = \"\($0.id)\"\nurl = \"\($0.url)\"\n" }.joined(separator: "\n")
        try write("""
            database = "\(databasePath)"
            log_dir = "\(logDir)"

            [http]
            host_delay = "0s"
            timeout = "30s"
            connect_timeout = "10s"

            [schedule]
            interval = "1s"
            max_backoff = "30s"

            \(extra)
            \(tables)
            """)
    }

    /// Replaces the config file with `text`.
    func write(_ text: String) throws {
        try text.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    /// Whether an event of `type` for a URL ending in `suffix` was written.
    func hasEvent(_ type: ChangeEventType, urlSuffix suffix: String) -> Bool {
        ((try? ChangeLogFiles.events(in: logDir)) ?? []).contains { $0.type == type && ($0.url ?? "").hasSuffix(suffix) }
    }

    /// A small article page with a headline and paragraphs.
    static func article(_ title: String, _ paragraphs: [String]) -> String {
        """
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>\(title)_测试网</title></head>
        <body><div class="nav">首页 | 新闻</div><div class="article"><h1>\(title)</h1>
        \(paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        </div><div class="footer">版权所有 测试网</div></body></html>
        """
    }
}
