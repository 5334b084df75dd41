import ArgumentParser
import DocWatchCore
import DocWatchStore
import Foundation

/// `docwatch sources`: every configured source with its health.
struct SourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sources", abstract: "List the sources with their health: last poll, outcome, next due, failures.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    private struct Row: Encodable {
        var id: String, kind: String, url: String, lastPoll: Date?, outcome: String?, nextDue: Date?, failures: Int
        var lastError: String?, documents: Int, lastNew: Date?, lastNewTitle: String?
        /// On PostgreSQL `.some(node)`, written even when null (no node has held the source); on SQLite
        /// `nil`, so the key is left out as before.
        var node: String??

        enum CodingKeys: String, CodingKey {
            case id, kind, url, outcome, failures, documents, node
            case lastPoll = "last_poll", nextDue = "next_due", lastError = "last_error", lastNew = "last_new", lastNewTitle = "last_new_title"
        }
    }

    func run() async throws {
        try await Terminal.run {
            let configuration = try global.loadConfiguration()
            let context = try AppContext(configuration: configuration, access: .readOnly)
            let health = try context.store { try context.database.health(of: configuration.sources) }
            // Which daemon holds each source matters only where several share the database.
            let shared = context.isPostgres
            var table = TextTable(header: ["ID", "KIND", "LAST POLL", "OUTCOME"] + (shared ? ["NODE"] : [])
                                  + ["NEXT DUE", "FAILURES", "DOCS", "LAST NEW", "URL / LAST NEW TITLE"])
            for source in health {
                if output.json {
                    JSONOutput.print(Row(id: source.id, kind: source.kind, url: source.url, lastPoll: source.lastPoll,
                                         outcome: source.outcome, nextDue: source.nextDue, failures: source.failures,
                                         lastError: source.lastError, documents: source.documents, lastNew: source.lastNew, lastNewTitle: source.lastNewTitle,
                                         node: shared ? .some(source.node) : nil))
                } else {
                    table.add([source.id, source.kind, source.lastPoll.map(Timestamp.utc) ?? "never", source.outcome ?? "-"]
                              + (shared ? [source.node ?? "-"] : [])
                              + [source.nextDue.map(Timestamp.utc) ?? "-", String(source.failures), String(source.documents),
                               source.lastNew.map(Timestamp.utc) ?? "-",
                               source.url + (source.lastError.map { "  (\($0))" } ?? "") + (source.lastNewTitle.map { "  «\($0)»" } ?? "")])
                }
            }
            if !output.json { print(table.render()) }
        }
    }
}
