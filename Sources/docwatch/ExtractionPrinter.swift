import DocWatchCore
import Foundation

/// Prints extracted documents for `docwatch extract`: JSON lines or an aligned summary.
///
/// Output is buffered and written in large chunks; `finish()` writes the rest.
final class ExtractionPrinter {
    let json: Bool
    private var buffer: [UInt8] = []

    init(json: Bool) {
        self.json = json
    }

    func print(_ document: ExtractedDocument, file: String) {
        if json {
            write(jsonLine(document, file: file))
            return
        }
        let fields: [(String, String)] = [
            ("file", file), ("title", document.title), ("published", document.published ?? "–"),
            ("authors", document.authors.joined(separator: ", ")), ("editor", document.editor ?? "–"),
            ("source", document.source ?? "–"), ("issuer", document.issuer ?? "–"), ("doc_number", document.docNumber ?? "–"),
            ("written", document.written ?? "–"), ("index_number", document.indexNumber ?? "–"),
            ("site_name", document.siteName ?? "–"), ("script", document.script),
            ("text", "\(document.text.count) characters, \(document.text.split(separator: "\n").count) lines"),
            ("facts", "\(document.facts.count)"), ("links", "\(document.links.count)"),
        ]
        let width = fields.map(\.0.count).max() ?? 0
        var out = ""
        for (name, value) in fields {
            out += name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value + "\n"
        }
        write(Array((out + "\n").utf8))
    }

    /// Writes what is still buffered.
    func finish() {
        if !buffer.isEmpty { FileHandle.standardOutput.write(Data(buffer)) }
        buffer.removeAll()
    }

    private func write(_ bytes: [UInt8]) {
        buffer += bytes
        if buffer.count >= 256 * 1024 { finish() }
    }

    /// One JSON line with the extraction fields plus `file`, every key present (absent values `null`).
    private func jsonLine(_ document: ExtractedDocument, file: String) -> [UInt8] {
        var line = JSONLine()
        line.field("file", file)
        line.field("title", document.title)
        line.field("published", document.published)
        line.field("authors", document.authors)
        line.field("editor", document.editor)
        line.field("source", document.source)
        line.field("issuer", document.issuer)
        line.field("doc_number", document.docNumber)
        line.field("written", document.written)
        line.field("index_number", document.indexNumber)
        line.field("site_name", document.siteName)
        line.field("script", document.script)
        line.field("text", document.text)
        line.field("facts", facts: document.facts)
        line.field("links", document.links)
        return line.finish()
    }
}
