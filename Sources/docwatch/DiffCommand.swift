import ArgumentParser
import DocWatchCore
import DocWatchStore
import Foundation

/// `docwatch diff`: what changed between two versions of a document.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "Show what changed between two versions of a document.",
        discussion: """
            Changed fields (title, published) come first. A changed paragraph is one line starting \
            with ~, its edits marked [-old-]{+new+} (red and green at a terminal). --unified prints \
            the unified diff that patch applies, as written to the log directory.
            """)

    /// When to colour the edits.
    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A document id or URL.")
    var document: String

    @Option(help: ArgumentHelp("The older version (default: the one before --to).", valueName: "n"))
    var from: Int?

    @Option(help: ArgumentHelp("The newer version (default: the current one).", valueName: "n"))
    var to: Int?

    @Flag(help: "Print the unified diff that patch applies instead of marked paragraphs.")
    var unified = false

    @Option(help: ArgumentHelp("Colour the edits: auto (at a terminal), always or never.", valueName: "when"))
    var color: ColorChoice = .auto

    func run() async throws {
        try await Terminal.run {
            let context = try AppContext(configuration: try global.loadConfiguration(), access: .readOnly)
            guard let detail = try context.store({ try context.database.document(document) }) else {
                throw CLIError.noInput("no stored document '\(document)'")
            }
            let newer = to ?? detail.currentVersion
            let older = from ?? max(1, newer - 1)
            guard let old = try context.store({ try context.database.versionSnapshot(document: detail.id, number: older) }),
                  let new = try context.store({ try context.database.versionSnapshot(document: detail.id, number: newer) })
            else {
                throw CLIError.noInput("document \(detail.id) has versions \(detail.versions.map(\.number).map(String.init).joined(separator: ", ")) only")
            }
            let diff = DocumentDiff(old: old, new: new)
            let labels = (from: "\(detail.url) version \(older)", to: "\(detail.url) version \(newer)")
            let colored = color == .always || (color == .auto && !unified && isatty(STDOUT_FILENO) == 1)
            let rendering = DiffRendering(colored: colored)
            print(unified ? rendering.file(diff, from: labels.from, to: labels.to) : rendering.view(diff, from: labels.from, to: labels.to),
                  terminator: "")
        }
    }
}
