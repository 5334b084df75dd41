import DocWatchCore
import DocWatchTestSupport
import Foundation

/// A temporary directory with a config, a database and a log directory, for running `docwatch` in.
final class Workspace {
    let directory: URL
    var configPath: String { directory.appendingPathComponent("docwatch.toml").path }
    var logDir: String { directory.appendingPathComponent("log").path }
    var databasePath: String { directory.appendingPathComponent("state/docwatch.sqlite").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("docwatch-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Writes a config with the given `[[source]]` tables (TOML text) and extra top-level lines.
    func writeConfig(sources: String, extra: String = "", http: String = "") throws {
        let text = """
            database = "\(databasePath)"
            log_dir = "\(logDir)"
            \(extra)

            [http]
            host_delay = "0s"
            timeout = "30s"
            connect_timeout = "10s"
            \(http)

            \(sources)
            """
        try text.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    /// Runs `docwatch ARGS --config <this config>`.
    func run(_ arguments: [String]) async throws -> DocWatchProcess.Result {
        try await DocWatchProcess.run(arguments + ["--config", configPath])
    }

    /// The events written to the log directory so far.
    func events() throws -> [ChangeEvent] {
        try ChangeLogFiles.events(in: logDir)
    }

    /// Decodes `--json` output lines into dictionaries.
    static func jsonLines(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }
}

/// Source table text for one page source.
func pageSource(_ id: String, _ url: String) -> String {
    "[[source]]\nid = \"\(id)\"\nurl = \"\(url)\"\n"
}
