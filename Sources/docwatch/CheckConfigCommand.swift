import ArgumentParser
import DocWatchConfig
import DocWatchCore
import DocWatchPostgres

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
                     "database = \(quote(PostgresURL.redacted(config.database)))",
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
                     "proxy = \(quote(ProxyURL.redacted(config.http.proxy)))",
                     "",
                     "[schedule]",
                     "interval = \(quote(DurationText.format(config.schedule.interval)))",
                     "jitter = \(config.schedule.jitter)",
                     "max_backoff = \(quote(DurationText.format(config.schedule.maxBackoff)))"]
        lines += retentionLines(config.retention)
        if let listen = config.metrics.listen { lines += ["", "[metrics]", "listen = \(quote(listen.description))"] }
        if DatabaseLocation.isPostgres(config.database) { lines += clusterLines(config.cluster) }
        for source in config.sources { lines += sourceLines(source, config: config) }
        for target in config.notify { lines += notifyLines(target) }
        return lines.joined(separator: "\n")
    }

    /// One `[[source]]` table. Listing kinds show how articles are taken and rechecked, defaults
    /// included; credential-like header values are not printed.
    private static func sourceLines(_ source: Source, config: Configuration) -> [String] {
        var lines = ["", "[[source]]", "id = \(quote(source.id))", "name = \(quote(source.name))", "url = \(quote(source.url))",
                     "kind = \(quote(source.kind.rawValue))"]
        if let paths = source.jsonPaths {
            lines += ["items = \(quote(paths.items))", "link = \(quote(paths.link))"]
            if let title = paths.title { lines.append("title = \(quote(title))") }
            if let published = paths.published { lines.append("published = \(quote(published))") }
        }
        if let follow = source.follow { lines.append("follow = '\(follow)'") }
        lines.append("interval = \(quote(DurationText.format(config.interval(of: source))))")
        if let charset = source.charset { lines.append("charset = \(quote(charset))") }
        if !source.tags.isEmpty { lines.append("tags = [\(source.tags.map(quote).joined(separator: ", "))]") }
        if source.kind == .list { lines.append("pages = \(source.pages)") }
        if source.kind != .page {
            lines.append(source.maxNew.map { "max_new = \($0)" } ?? "# max_new: every new link, each poll")
            if let recheck = source.recheck {
                lines.append("recheck = \(quote(DurationText.format(recheck)))")
                lines.append(source.recheckWithin.map { "recheck_within = \(quote(DurationText.format($0)))" }
                    ?? "# recheck_within: every article")
                lines.append("recheck_max = \(source.recheckMax)")
            } else {
                lines.append("recheck = \"off\"")
            }
        }
        if !source.headers.isEmpty {
            let entries = source.headers.keys.sorted().map { name in
                "\(quote(name)) = \(secretHeaders.contains(name.lowercased()) ? "\"…\"" : quote(source.headers[name] ?? ""))"
            }
            lines.append("headers = { \(entries.joined(separator: ", ")) }")
        }
        if let proxy = source.proxy { lines.append("proxy = \(quote(ProxyURL.redacted(proxy)))") }
        return lines
    }

    /// Headers whose values are credentials: never printed.
    private static let secretHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie", "x-api-key"]

    /// `[retention]`, each key commented out where everything of that kind is kept.
    private static func retentionLines(_ retention: RetentionSettings) -> [String] {
        ["", "[retention]",
         retention.keepVersions.map { "keep_versions = \($0)" } ?? "# keep_versions: every version",
         retention.keepRaw.map { "keep_raw = \(quote(DurationText.format($0)))" } ?? "# keep_raw: every raw body",
         retention.keepChanges.map { "keep_changes = \(quote(DurationText.format($0)))" } ?? "# keep_changes: every change file"]
    }

    /// `[cluster]`, shown only for a PostgreSQL database (the only kind it applies to).
    private static func clusterLines(_ cluster: ClusterSettings) -> [String] {
        ["", "[cluster]",
         cluster.node.map { "node = \(quote($0))" } ?? "# node: host name and process id",
         "lease = \(quote(DurationText.format(cluster.lease)))"]
    }

    /// One `[[notify]]` table; header values are not printed (they often hold credentials).
    private static func notifyLines(_ target: NotifyTarget) -> [String] {
        var lines = ["", "[[notify]]", "id = \(quote(target.id))"]
        switch target.delivery {
        case .webhook(let url, let headers):
            lines.append("url = \(quote(url))")
            if !headers.isEmpty {
                lines.append("headers = { \(headers.keys.sorted().map { "\(quote($0)) = \"…\"" }.joined(separator: ", ")) }")
            }
        case .command(let arguments):
            lines.append("command = [\(arguments.map(quote).joined(separator: ", "))]")
        }
        if let types = target.types { lines.append("types = [\(types.map(\.rawValue).sorted().map(quote).joined(separator: ", "))]") }
        if let sources = target.sources { lines.append("sources = [\(sources.sorted().map(quote).joined(separator: ", "))]") }
        if let tags = target.tags { lines.append("tags = [\(tags.sorted().map(quote).joined(separator: ", "))]") }
        lines += ["timeout = \(quote(DurationText.format(target.timeout)))",
                  "backoff = \(quote(DurationText.format(target.backoff)))",
                  "max_backoff = \(quote(DurationText.format(target.maxBackoff)))"]
        return lines
    }

    private static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
