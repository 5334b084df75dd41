import DocWatchCore
import Foundation

/// Prints extracted documents for `docwatch extract`: JSON lines or an aligned summary.
struct ExtractionPrinter {
    let json: Bool
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The fields `extract --json` prints: the extraction table plus `file`.
    private struct Row: Encodable {
        let file: String
        let title: String
        let published: String?
        let authors: [String]
        let editor: String?
        let source: String?
        let siteName: String?
        let script: String
        let text: String
        let facts: [Fact]
        let links: [String]

        enum CodingKeys: String, CodingKey {
            case file, title, published, authors, editor, source, script, text, facts, links
            case siteName = "site_name"
        }
    }

    init(json: Bool) {
        self.json = json
    }

    func print(_ document: ExtractedDocument, file: String) {
        if json {
            let row = Row(
                file: file, title: document.title, published: document.published, authors: document.authors,
                editor: document.editor, source: document.source, siteName: document.siteName, script: document.script,
                text: document.text, facts: document.facts, links: document.links
            )
            let encoded = (try? encoder.encode(row)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            FileHandle.standardOutput.write(Data((Self.escapingLineSeparators(encoded) + "\n").utf8))
            return
        }
        let fields: [(String, String)] = [
            ("file", file), ("title", document.title), ("published", document.published ?? "–"),
            ("authors", document.authors.joined(separator: ", ")), ("editor", document.editor ?? "–"),
            ("source", document.source ?? "–"), ("site_name", document.siteName ?? "–"), ("script", document.script),
            ("text", "\(document.text.count) characters, \(document.text.split(separator: "\n").count) lines"),
            ("facts", "\(document.facts.count)"), ("links", "\(document.links.count)"),
        ]
        let width = fields.map(\.0.count).max() ?? 0
        var out = ""
        for (name, value) in fields {
            out += name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value + "\n"
        }
        FileHandle.standardOutput.write(Data((out + "\n").utf8))
    }

    func finish() {}

    /// JSON allows U+0085, U+2028 and U+2029 raw, but line-oriented readers split on them.
    private static func escapingLineSeparators(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }) else { return json }
        var out = ""
        for scalar in json.unicodeScalars {
            switch scalar {
            case "\u{85}": out += "\\u0085"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
