import ArgumentParser
import DocWatchCore
import DocWatchStore
import Foundation

/// `docwatch show`: one stored document with its versions and facts.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one stored document with its versions and facts.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "A document id or URL.")
    var document: String

    private struct JSONDocument: Encodable {
        var id: Int64, url: String, source: String, title: String, published: String?, authors: [String]
        var editor: String?, sourceName: String?, siteName: String?, script: String, text: String
        var issuer: String?, docNumber: String?, written: String?, indexNumber: String?
        var version: Int, versions: [VersionSummary], facts: [Fact], duplicateOf: Int64?, nearDuplicates: [NearDuplicateLink]
        var attachments: [AttachmentSummary]

        enum CodingKeys: String, CodingKey {
            case id, url, source, title, published, authors, editor, script, text, version, versions, facts, attachments
            case issuer, written
            case docNumber = "doc_number", indexNumber = "index_number"
            case sourceName = "source_name", siteName = "site_name", duplicateOf = "duplicate_of", nearDuplicates = "near_duplicates"
        }
    }

    func run() async throws {
        try await Terminal.run {
            let context = try AppContext(configuration: try global.loadConfiguration(), access: .readOnly)
            guard let detail = try context.store({ try context.database.document(document) }) else {
                throw CLIError.noInput("no stored document '\(document)'")
            }
            let current = detail.current
            if output.json {
                JSONOutput.print(JSONDocument(
                    id: detail.id, url: detail.url, source: detail.source, title: current.title, published: current.published,
                    authors: current.authors, editor: current.editor, sourceName: current.source, siteName: current.siteName,
                    script: current.script, text: current.text, issuer: current.issuer, docNumber: current.docNumber,
                    written: current.written, indexNumber: current.indexNumber, version: detail.currentVersion, versions: detail.versions,
                    facts: current.facts, duplicateOf: detail.duplicateOf, nearDuplicates: detail.nearDuplicates,
                    attachments: detail.attachments))
                return
            }
            var fields = TextTable(header: ["id", String(detail.id)])
            fields.add(["url", detail.url])
            fields.add(["source", detail.source])
            fields.add(["title", current.title])
            fields.add(["published", current.published ?? "-"])
            fields.add(["authors", current.authors.joined(separator: "、")])
            fields.add(["editor", current.editor ?? "-"])
            fields.add(["from", current.source ?? "-"])
            fields.add(["site", current.siteName ?? "-"])
            for (label, value) in [("issuer", current.issuer), ("doc number", current.docNumber), ("written", current.written),
                                   ("index number", current.indexNumber)] {
                if let value { fields.add([label, value]) }
            }
            fields.add(["versions", detail.versions.map { "\($0.number) (\(Timestamp.utc($0.fetchedAt)))" }.joined(separator: ", ")])
            if let original = detail.duplicateOf { fields.add(["duplicate of", String(original)]) }
            for link in detail.nearDuplicates { fields.add(["near duplicate", "\(link.id) \(link.url) (distance \(link.distance))"]) }
            for file in detail.attachments { fields.add(["attachment", "\(file.name) (\(file.type), \(file.chars) chars) \(file.url)"]) }
            print(fields.render())
            if !current.facts.isEmpty {
                print("\nfacts:")
                for fact in current.facts { print("  \(fact.kind.rawValue)  \(fact.text)") }
            }
            print("\n" + current.text)
        }
    }
}
