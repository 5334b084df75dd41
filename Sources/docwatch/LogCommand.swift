import ArgumentParser
import DocWatchCore
import DocWatchStore
import Foundation

/// `docwatch log`: the ingestion log, every poll attempt with its outcome.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "Show the ingestion log (every poll and its outcome).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Only this source.", valueName: "id"))
    var source: String?

    @Option(help: ArgumentHelp("Only this outcome: \(FetchOutcome.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "outcome"))
    var outcome: String?

    @Option(help: ArgumentHelp("Only polls since a date (2026-11-01) or an age (24h, 7d).", valueName: "time"))
    var since: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("At most this many rows (newest).", valueName: "n"))
    var limit = 50

    @Flag(help: "Keep printing new rows as they are written.")
    var follow = false

    func validate() throws {
        if let outcome, FetchOutcome(rawValue: outcome) == nil {
            throw ValidationError("--outcome must be one of \(FetchOutcome.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        try LimitArgument.validate(limit)
    }

    func run() async throws {
        try await Terminal.run {
            let context = try AppContext(configuration: try global.loadConfiguration(), access: .readOnly)
            var filter = FetchLogFilter(source: source, outcome: outcome.flatMap(FetchOutcome.init(rawValue:)),
                                        since: try TimeArgument.parse(since), limit: limit)
            let rows = try context.store { try context.database.fetchLog(filter) }.reversed()
            var table = TextTable(header: ["TIME", "SOURCE", "OUTCOME", "STATUS", "BYTES", "MS", "URL"])
            for row in rows { emit(row.entry, into: &table) }
            if !output.json { print(table.render()) }
            guard follow else { return }
            filter.afterID = rows.last?.id ?? 0
            filter.limit = 500
            while !Task.isCancelled {
                FollowOutput.flush()
                try await Task.sleep(for: .seconds(1))
                let fresh = try context.store { try context.database.fetchLog(filter) }
                for row in fresh {
                    var single = TextTable(header: [])
                    emit(row.entry, into: &single)
                    if !output.json { print(single.render().trimmingCharacters(in: .newlines)) }
                }
                if let last = fresh.last { filter.afterID = last.id }
            }
        }
    }

    private struct Row: Encodable {
        var time: Date, source: String, url: String, status: Int?, outcome: String, bytes: Int, ms: Int, error: String?
    }

    private func emit(_ entry: FetchLogEntry, into table: inout TextTable) {
        if output.json {
            JSONOutput.print(Row(time: entry.time, source: entry.source, url: entry.url, status: entry.status,
                                 outcome: entry.outcome.rawValue, bytes: entry.bytes, ms: entry.ms, error: entry.error))
        } else {
            table.add([Timestamp.utc(entry.time), entry.source, entry.outcome.rawValue, entry.status.map(String.init) ?? "-",
                       String(entry.bytes), String(entry.ms), entry.url + (entry.error.map { "  (\($0))" } ?? "")])
        }
    }
}
