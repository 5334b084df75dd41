import DocWatchCore
import Foundation

/// Turns TOML text into a `Configuration`, applying every default of DESIGN.md.
///
/// Unknown keys, bad values and duplicate source ids are errors naming the file, line, column and key.
/// Relative paths are resolved against the directory of the config file.
public struct ConfigParser: Sendable {
    /// Environment variables consulted for defaults (`STATE_DIRECTORY`, `LOGS_DIRECTORY`, `HOME`).
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// Parses and validates one config document; `file` is the path named in errors and the base
    /// for relative paths. Never traps, whatever `text` holds: every problem is a `ConfigError`.
    public func parse(_ text: String, file: String) throws(ConfigError) -> Configuration {
        let root: TOMLTable
        do {
            root = try TOMLParser.parse(text)
        } catch {
            throw .syntax(file: file, line: error.position.line, column: error.position.column, message: error.message)
        }
        var top = TableReader(table: root, name: "", position: TOMLPosition(line: 1, column: 1), file: file)
        let baseDirectory = (file as NSString).deletingLastPathComponent

        var config = Configuration(file: file, database: defaultDatabase(), logDir: defaultLogDir())
        if let database = try top.string("database") {
            config.database = DatabaseLocation.isPostgres(database) ? database : absolute(database, base: baseDirectory)
        }
        if let logDir = try top.string("log_dir") { config.logDir = absolute(logDir, base: baseDirectory) }
        if let userAgent = try top.string("user_agent") {
            guard !userAgent.isEmpty else { throw top.bad("user_agent", "must not be empty") }
            config.userAgent = userAgent
        }
        if let zone = try top.string("timezone") {
            guard TimeZone(identifier: zone) != nil else { throw top.bad("timezone", "'\(zone)' is not an IANA time zone") }
            config.timezone = zone
        }
        if let keep = try top.duration("keep_fetch_log", minimum: 3600) { config.keepFetchLog = keep }

        top.claim("http")
        if let value = root["http"] {
            guard let table = value.table else { throw top.bad("http", "expected a table") }
            config.http = try parseHTTP(TableReader(table: table, name: "http", position: value.position, file: file))
        }
        top.claim("schedule")
        if let value = root["schedule"] {
            guard let table = value.table else { throw top.bad("schedule", "expected a table") }
            config.schedule = try parseSchedule(TableReader(table: table, name: "schedule", position: value.position, file: file))
        }
        top.claim("metrics")
        if let value = root["metrics"] {
            guard let table = value.table else { throw top.bad("metrics", "expected a table") }
            config.metrics = try OperationsParser.metrics(TableReader(table: table, name: "metrics", position: value.position, file: file))
        }
        top.claim("retention")
        if let value = root["retention"] {
            guard let table = value.table else { throw top.bad("retention", "expected a table") }
            let reader = TableReader(table: table, name: "retention", position: value.position, file: file)
            config.retention = try OperationsParser.retention(reader, keepFetchLog: &config.keepFetchLog)
        }
        top.claim("cluster")
        if let value = root["cluster"] {
            guard let table = value.table else { throw top.bad("cluster", "expected a table") }
            let reader = TableReader(table: table, name: "cluster", position: value.position, file: file)
            config.cluster = try OperationsParser.cluster(reader, database: config.database)
        }
        top.claim("source")
        if let value = root["source"] {
            guard let array = value.array else { throw top.bad("source", "expected [[source]] tables") }
            config.sources = try parseSources(array, file: file)
        }
        top.claim("notify")
        if let value = root["notify"] {
            guard let array = value.array else { throw top.bad("notify", "expected [[notify]] tables") }
            config.notify = try NotifyTargetParser.parseAll(array, file: file, sourceIDs: Set(config.sources.map(\.id)),
                                                            environment: environment)
        }
        try top.rejectUnknownKeys()
        return config
    }

    private func parseHTTP(_ input: TableReader) throws(ConfigError) -> HTTPSettings {
        var reader = input
        var http = HTTPSettings()
        if let value = try reader.int("concurrency", range: 1...1024) { http.concurrency = value }
        if let value = try reader.int("per_host", range: 1...64) { http.perHost = value }
        if let value = try reader.duration("host_delay") { http.hostDelay = value }
        if let value = try reader.duration("timeout", minimum: 0.1) { http.timeout = value }
        if let value = try reader.duration("connect_timeout", minimum: 0.1) { http.connectTimeout = value }
        if let value = try reader.size("max_body") { http.maxBody = value }
        if let value = try reader.int("max_redirects", range: 0...50) { http.maxRedirects = value }
        if let value = try reader.proxy("proxy") { http.proxy = value }
        try reader.rejectUnknownKeys()
        return http
    }

    private func parseSchedule(_ input: TableReader) throws(ConfigError) -> ScheduleSettings {
        var reader = input
        var schedule = ScheduleSettings()
        if let value = try reader.duration("interval", minimum: 1) { schedule.interval = value }
        if let value = try reader.fraction("jitter") { schedule.jitter = value }
        if let value = try reader.duration("max_backoff", minimum: 1) { schedule.maxBackoff = value }
        try reader.rejectUnknownKeys()
        return schedule
    }

    private func parseSources(_ array: [TOMLValue], file: String) throws(ConfigError) -> [Source] {
        var sources: [Source] = []
        var seen: Set<String> = []
        for (index, element) in array.enumerated() {
            guard let table = element.table else {
                throw .badValue(file: file, line: element.position.line, column: element.position.column, key: "source[\(index + 1)]",
                                message: "expected a table")
            }
            let reader = TableReader(table: table, name: "source", index: index, position: element.position, file: file)
            let source = try SourceParser.parse(reader)
            guard seen.insert(source.id).inserted else {
                throw .duplicateSource(file: file, line: reader.place("id").line, column: reader.place("id").column, id: source.id)
            }
            sources.append(source)
        }
        return sources
    }

    private var stateHome: String {
        (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state/docwatch"
    }

    private func defaultDatabase() -> String {
        if let state = environment["STATE_DIRECTORY"]?.split(separator: ":").first { return "\(state)/docwatch.sqlite" }
        return stateHome + "/docwatch.sqlite"
    }

    private func defaultLogDir() -> String {
        if let logs = environment["LOGS_DIRECTORY"]?.split(separator: ":").first { return String(logs) }
        return stateHome + "/log"
    }

    private func absolute(_ path: String, base: String) -> String {
        if path.hasPrefix("/") { return path }
        if path.hasPrefix("~/") { return (environment["HOME"] ?? NSHomeDirectory()) + path.dropFirst(1) }
        return ((base.isEmpty ? FileManager.default.currentDirectoryPath : base) as NSString).appendingPathComponent(path)
    }
}
