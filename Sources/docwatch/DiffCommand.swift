import ArgumentParser
import DocWatchCore
import DocWatchStore

/// `docwatch diff`: the text diff between two versions of a document.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "diff", abstract: "Show the text diff between two versions of a document.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A document id or URL.")
    var document: String

    @Option(help: ArgumentHelp("The older version (default: the one before --to).", valueName: "n"))
    var from: Int?

    @Option(help: ArgumentHelp("The newer version (default: the current one).", valueName: "n"))
    var to: Int?

    func run() async throws {
        try await Terminal.run {
            let context = try AppContext(configuration: try global.loadConfiguration(), access: .readOnly)
            guard let detail = try context.store({ try context.database.document(document) }) else {
                throw CLIError.noInput("no stored document '\(document)'")
            }
            let newer = to ?? detail.currentVersion
            let older = from ?? max(1, newer - 1)
            guard let oldText = try context.store({ try context.database.versionText(document: detail.id, number: older) }),
                  let newText = try context.store({ try context.database.versionText(document: detail.id, number: newer) })
            else {
                throw CLIError.noInput("document \(detail.id) has versions \(detail.versions.map(\.number).map(String.init).joined(separator: ", ")) only")
            }
            print(TextDiff(old: oldText, new: newText).unified(from: "\(detail.url) version \(older)", to: "\(detail.url) version \(newer)"), terminator: "")
        }
    }
}
