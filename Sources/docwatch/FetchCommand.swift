import ArgumentParser
import DocWatchCore
import DocWatchDaemon
import DocWatchFetch
import Foundation

/// `docwatch fetch`: poll now, once, through the daemon's pipeline.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Poll sources now, once, and store and notify what changed.",
        discussion: "Exits 0 when every poll succeeded, 1 otherwise (the failed sources are named on stderr)."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Source ids to poll (default: every configured source).")
    var sources: [String] = []

    @Option(name: .long, help: ArgumentHelp("Poll this URL as a page instead (under the first named source, else 'cli').", valueName: "url"))
    var url: String?

    func run() async throws {
        CommandLogging.bootstrap()
        try await Terminal.run {
            let configuration = try global.loadConfiguration()
            let targets = try selectSources(configuration)
            let context = try AppContext(configuration: configuration)
            try context.store { try context.database.syncSources(configuration.sources) }
            let fetcher = CurlFetcher(settings: configuration.http, userAgent: configuration.userAgent)
            if let error = fetcher.startupError { throw CLIError.io("cannot start libcurl: \(error)") }
            defer { fetcher.shutdown() }
            let pipeline = IngestPipeline(fetcher: fetcher, database: context.database, extractor: context.extractor())
            let reports = await withTaskGroup(of: (Int, PollReport).self) { group in
                for (index, source) in targets.enumerated() {
                    group.addTask { (index, await pipeline.poll(source)) }
                }
                var collected: [(Int, PollReport)] = []
                for await result in group { collected.append(result) }
                return collected.sorted { $0.0 < $1.0 }.map(\.1)
            }
            // Source health follows the source's own fetch, as in the daemon; a failed article fails the
            // exit code below but not the source.
            for report in reports where configuration.sources.contains(where: { $0.id == report.source }) {
                _ = try context.store {
                    try context.database.recordSourcePoll(source: report.source, time: Date(),
                                                          outcome: report.outcome, error: report.error, nextDue: nil)
                }
            }
            do {
                try context.notifier().drain()
            } catch {
                throw CLIError.io("cannot write change notifications: \(error)")
            }
            PollReportPrinter(json: output.json).print(reports)
            let failed = reports.filter { !$0.succeeded }
            for report in failed {
                Terminal.error("source \(report.source): \(firstError(report) ?? "failed") (\(report.url))")
            }
            if !failed.isEmpty { throw CLIError.pollsFailed }
        }
    }

    private func selectSources(_ configuration: Configuration) throws -> [Source] {
        if let url {
            let base = configuration.sources.first { $0.id == sources.first }
            return [Source(id: base?.id ?? "cli", url: url, charset: base?.charset)]
        }
        if sources.isEmpty {
            guard !configuration.sources.isEmpty else { throw CLIError.config("\(configuration.file ?? "config"): no [[source]] configured") }
            return configuration.sources
        }
        return try sources.map { id in
            guard let source = configuration.sources.first(where: { $0.id == id }) else {
                throw CLIError.usage("no source '\(id)' in \(configuration.file ?? "the config")")
            }
            return source
        }
    }

    private func firstError(_ report: PollReport) -> String? {
        report.error ?? report.articles.lazy.compactMap { firstError($0) }.first
    }
}

/// Prints poll reports: one aligned line per poll, or one JSON object per poll.
struct PollReportPrinter {
    let json: Bool

    struct Row: Encodable {
        var source: String
        var url: String
        var outcome: String
        var status: Int?
        var error: String?
        var document: Int64?
        var event: Int64?
    }

    func print(_ reports: [PollReport]) {
        let rows = reports.flatMap(flatten)
        if json {
            rows.forEach { JSONOutput.print($0) }
            return
        }
        var table = TextTable(header: ["SOURCE", "OUTCOME", "STATUS", "URL"])
        for row in rows {
            table.add([row.source, row.outcome, row.status.map(String.init) ?? "-", row.url + (row.error.map { "  (\($0))" } ?? "")])
        }
        Swift.print(table.render())
    }

    private func flatten(_ report: PollReport) -> [Row] {
        [Row(source: report.source, url: report.url, outcome: report.outcome.rawValue, status: report.status,
             error: report.error, document: report.document, event: report.event)] + report.articles.flatMap(flatten)
    }
}
