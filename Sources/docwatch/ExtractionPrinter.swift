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

    init(json: Bool) {
        self.json = json
    }

    func print(_ document: ExtractedDocument, file: String) {
        if json {
            FileHandle.standardOutput.write(Data((jsonLine(document, file: file) + "\n").utf8))
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

    /// One JSON object with the extraction fields plus `file`, every key present (absent values
    /// `null`), written by hand: JSONEncoder costs more than extracting a small page.
    private func jsonLine(_ document: ExtractedDocument, file: String) -> String {
        var out = "{\"file\":" + Self.quoted(file)
        out += ",\"title\":" + Self.quoted(document.title)
        out += ",\"published\":" + (document.published.map(Self.quoted) ?? "null")
        out += ",\"authors\":[" + document.authors.map(Self.quoted).joined(separator: ",") + "]"
        out += ",\"editor\":" + (document.editor.map(Self.quoted) ?? "null")
        out += ",\"source\":" + (document.source.map(Self.quoted) ?? "null")
        out += ",\"site_name\":" + (document.siteName.map(Self.quoted) ?? "null")
        out += ",\"script\":" + Self.quoted(document.script)
        out += ",\"text\":" + Self.quoted(document.text)
        let facts = document.facts.isEmpty ? nil : (try? encoder.encode(document.facts)).map { String(decoding: $0, as: UTF8.self) }
        out += ",\"facts\":" + (facts ?? "[]")
        out += ",\"links\":[" + document.links.map(Self.quoted).joined(separator: ",") + "]}"
        return out
    }

    /// Whether any byte of `text` starts something `quoted` must escape.
    private static func needsEscaping(_ text: String) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x22 || byte == 0x5C { return true }
            if previous == 0xC2, byte == 0x85 { return true }
            if beforePrevious == 0xE2, previous == 0x80, byte == 0xA8 || byte == 0xA9 { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// A JSON string literal. U+0085, U+2028 and U+2029 are escaped too: JSON allows them raw,
    /// but line-oriented readers split on them.
    static func quoted(_ text: String) -> String {
        if !needsEscaping(text) { return "\"" + text + "\"" }
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append(contentsOf: "\\\"".unicodeScalars)
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case "\u{85}", "\u{2028}", "\u{2029}", "\u{0}"..."\u{1F}":
                out.append(contentsOf: String(format: "\\u%04x", scalar.value).unicodeScalars)
            default: out.append(scalar)
            }
        }
        out.append("\"")
        return String(out)
    }
}
