import ArgumentParser
import DocWatchConfig
import DocWatchCore

/// `docwatch check-config`: validate the config and print what it resolves to.
struct CheckConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check-config", abstract: "Validate the config and print what it resolves to, defaults included.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await Terminal.run {
            let config = try global.loadConfiguration()
            print(ConfigDescription.render(config))
        }
    }
}

/// The resolved configuration as TOML, every default written out.
enum ConfigDescription {
    static func render(_ config: Configuration) -> String {
        var lines = ["# resolved from \(config.file ?? "-")",
                     "database = \(quote(config.database))",
                     "log_dir = \(quote(config.logDir))",
                     "user_agent = \(quote(config.userAgent))",
                     "timezone = \(quote(config.timezone))",
                     "keep_fetch_log = \(quote(DurationText.format(config.keepFetchLog)))",
                     "",
                     "[http]",
                     "concurrency = \(config.http.concurrency)",
                     "per_host = \(config.http.perHost)",
                     "host_delay = \(quote(DurationText.format(config.http.hostDelay)))",
                     "timeout = \(quote(DurationText.format(config.http.timeout)))",
                     "connect_timeout = \(quote(DurationText.format(config.http.connectTimeout)))",
                     "max_body = \(quote(ByteSize.format(config.http.maxBody)))",
                     "max_redirects = \(config.http.maxRedirects)",
                     "proxy = \(quote(config.http.proxy))",
                     "",
                     "[schedule]",
                     "interval = \(quote(DurationText.format(config.schedule.interval)))",
                     "jitter = \(config.schedule.jitter)",
                     "max_backoff = \(quote(DurationText.format(config.schedule.maxBackoff)))"]
        for source in config.sources {
            lines += ["", "[[source]]", "id = \(quote(source.id))", "name = \(quote(source.name))", "url = \(quote(source.url))",
                      "kind = \(quote(source.kind.rawValue))"]
            if let follow = source.follow { lines.append("follow = '\(follow)'") }
            lines.append("interval = \(quote(DurationText.format(config.interval(of: source))))")
            if let charset = source.charset { lines.append("charset = \(quote(charset))") }
            if !source.tags.isEmpty { lines.append("tags = [\(source.tags.map(quote).joined(separator: ", "))]") }
            if source.kind == .list { lines.append("pages = \(source.pages)") }
            if let recheck = source.recheck { lines.append("recheck = \(quote(DurationText.format(recheck)))") }
            if let maxNew = source.maxNew { lines.append("max_new = \(maxNew)") }
        }
        return lines.joined(separator: "\n")
    }

    private static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
