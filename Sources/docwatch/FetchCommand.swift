import ArgumentParser
import DocWatchCore
import DocWatchIngest
import DocWatchStore
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

    @Option(name: .long, help: ArgumentHelp(
        "Poll this URL: a configured source's URL polls that source; an article URL is filed under the named source, else the list source whose follow (or host) takes it, else 'cli'.",
        valueName: "url"))
    var url: String?

    func run() async throws {
        CommandLogging.bootstrap()
        try await Terminal.run {
            let configuration = try global.loadConfiguration()
            let targets = try selectTargets(configuration)
            let context = try AppContext(configuration: configuration)
            // The page sources' stored states in one read, not one each; read (and their URLs canonicalized) on
            // the other core while the sources are synced and libcurl starts.
            let pageURLs = targets.compactMap { target -> String? in
                guard case .source(let source) = target, source.kind == .page else { return nil }
                return source.url
            }
            let database = context.database
            async let reading = Result { () throws(StoreError) in try KnownDocumentStates(reading: pageURLs, from: database) }
            try context.store { try context.database.syncSources(configuration.sources) }
            // Created before any poll stores an event: it brings a restored outbox's sequence past the change files.
            let notifier = context.notifier()
            // Failed polls get one stderr line each from `FetchProgress`, not a log line as well.
            let factory = PipelineFactory(database: context.database,
                                          logger: CommandLogging.logger("docwatch.ingest", quietBelow: .error))
            // Its 304s are queued and committed together, with the source health below at the latest.
            var made: IngestPipeline
            do {
                made = try factory.make(configuration)
            } catch {
                throw CLIError.io("cannot start libcurl: \(error)")
            }
            defer { factory.shutdown() }
            let read = await reading
            made.knownStates = try context.store { try read.get() }
            let pipeline = made
            var progress = FetchProgress.standardError(total: targets.count)
            let reports = await withTaskGroup(of: (Int, PollReport).self) { group in
                for (index, target) in targets.enumerated() {
                    group.addTask {
                        switch target {
                        case .source(let source): (index, await pipeline.poll(source))
                        case .page(let url, let source): (index, await pipeline.pollPage(source: source, url: url))
                        }
                    }
                }
                var collected: [(Int, PollReport)] = []
                for await result in group {
                    progress.finished(result.1)
                    collected.append(result)
                }
                return collected.sorted { $0.0 < $1.0 }.map(\.1)
            }
            // Source health follows the source's own fetch, as in the daemon; a failed article fails the
            // exit code below but not the source.
            let recorded = Date()
            let polled = zip(targets, reports).compactMap { target, report -> SourcePoll? in
                guard case .source(let source) = target else { return nil }
                return SourcePoll(source: source.id, time: recorded, outcome: report.outcome, error: report.error)
            }
            // The queued 304s are written first inside the health's transaction: one commit for both.
            // `flushPolls` writes them when there is no health to record (`fetch --url` of an article).
            _ = try context.store { try context.database.recordSourcePolls(polled) }
            try context.store { try context.database.flushPolls() }
            do {
                try notifier.drain()
            } catch {
                throw CLIError.io("cannot write change notifications: \(error)")
            }
            PollReportPrinter(json: output.json).print(reports)
            progress.finish(reports)
            if !reports.allSatisfy(\.succeeded) { throw CLIError.pollsFailed }
        }
    }

    private func selectTargets(_ configuration: Configuration) throws -> [FetchTarget] {
        if let url {
            return [try FetchTarget.forURL(url, named: sources.first, in: configuration.sources)]
        }
        if sources.isEmpty {
            guard !configuration.sources.isEmpty else { throw CLIError.config("\(configuration.file ?? "config"): no [[source]] configured") }
            return configuration.sources.map(FetchTarget.source)
        }
        return try sources.map { id in
            guard let source = configuration.sources.first(where: { $0.id == id }) else {
                throw CLIError.usage("no source '\(id)' in \(configuration.file ?? "the config")")
            }
            return .source(source)
        }
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
