import ArgumentParser
import DocWatchCore
import DocWatchExtract
import DocWatchStore
import Foundation

/// `docwatch query`: search stored documents.
struct QueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Search stored documents, best first (or newest first without TEXT).",
        discussion: "Chinese terms of one or two characters work, and a query in either script finds both (江蘇 finds 江苏)."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Words to find; every word must match.")
    var text: [String] = []

    @Option(help: ArgumentHelp("Only this source.", valueName: "id"))
    var source: String?

    @Option(help: ArgumentHelp("Only documents published since a date or an age (7d).", valueName: "time"))
    var since: String?

    @Option(help: ArgumentHelp("Only documents published before a date.", valueName: "time"))
    var until: String?

    @Option(help: ArgumentHelp("Only documents with a fact of this kind: \(Fact.Kind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "kind"))
    var fact: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("At most this many results.", valueName: "n"))
    var limit = 20

    @Flag(help: "Print one JSON object a line.")
    var json = false

    @Flag(help: "Print CSV with a header row.")
    var csv = false

    func validate() throws {
        if json && csv { throw ValidationError("--json and --csv exclude each other") }
        if let fact, Fact.Kind(rawValue: fact) == nil {
            throw ValidationError("--fact must be one of \(Fact.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        try LimitArgument.validate(limit)
    }

    func run() async throws {
        try await Terminal.run {
            let context = try AppContext(configuration: try global.loadConfiguration(), access: .readOnly)
            let query = text.joined(separator: " ")
            let request = SearchRequest(
                text: query.isEmpty ? nil : ScriptNormalizer.shared.toSimplified(query), source: source,
                since: try TimeArgument.parse(since), until: try TimeArgument.parse(until),
                factKind: fact.flatMap(Fact.Kind.init(rawValue:)), limit: limit)
            let hits = try context.store { try context.database.search(request) }
            if json {
                hits.forEach { JSONOutput.print($0) }
            } else if csv {
                print("document,url,source,title,published,score,snippet")
                for hit in hits {
                    print([String(hit.document), hit.url, hit.source, hit.title, hit.published ?? "", String(format: "%.3f", hit.score), hit.snippet]
                        .map(csvField).joined(separator: ","))
                }
            } else {
                for hit in hits {
                    print("\(hit.document)  \(hit.published ?? "-")  \(hit.source)  \(hit.title)\n    \(hit.url)\n    \(hit.snippet)")
                }
            }
        }
    }

    private func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
