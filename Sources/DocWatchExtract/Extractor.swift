import DocWatchCore
import Foundation

/// Settings of one extraction run.
public struct ExtractionOptions: Sendable {
    /// The zone of page dates that name none (the config's `timezone`).
    public var timeZone: TimeZone
    /// Whether to find facts in the text (they cost time; `extract --no-facts` turns them off).
    public var facts: Bool
    /// Whether to fill `titleSimplified`/`textSimplified` with OpenCC (the pipeline needs them;
    /// `docwatch extract` does not print them and skips the cost).
    public var simplify: Bool

    /// Options; the defaults are the pipeline's (`PageTimeZone.default`, facts and Simplified copies on).
    public init(timeZone: TimeZone = PageTimeZone.default, facts: Bool = true, simplify: Bool = true) {
        self.timeZone = timeZone
        self.facts = facts
        self.simplify = simplify
    }
}

/// Turns one decoded HTML page into an `ExtractedDocument`. Pure: no I/O, safe to share.
public struct Extractor: Sendable {
    /// The settings every extraction uses.
    public let options: ExtractionOptions

    /// An extractor with `options`.
    public init(options: ExtractionOptions = ExtractionOptions()) {
        self.options = options
    }

    /// Extracts the document from `html`; `url` resolves relative links and feeds URL date hints.
    ///
    /// The parsed tree is released before facts and the Simplified copies are made, so a large
    /// page never holds both at once.
    public func extract(html: String, url: String?) -> ExtractedDocument {
        var document = read(html: html, url: url)
        let text = document.text
        if options.facts {
            document.facts = facts(in: text)
        }
        if options.simplify {
            document.titleSimplified = ScriptNormalizer.shared.toSimplified(document.title)
            document.textSimplified = ScriptNormalizer.shared.toSimplified(text)
        }
        return document
    }

    /// How much of the text facts are looked for in: 200,000 characters, a hundred times a long
    /// article. Past that (a data dump) fact arrays grew to several times the page.
    static let maxFactScalars = 200_000

    /// Everything the page's tree gives: all fields but facts and the Simplified copies.
    private func read(html: String, url: String?) -> ExtractedDocument {
        let page = ParsedPage(html: html)
        let container = MainContent.container(in: page.body, stats: page.stats)
        let headline = TitleFinder(titleTag: page.titleTag, titleSegments: page.titleSegments, meta: page.meta, headings: page.headings)
            .headline(in: page.body, runs: page.runs, contentStart: page.runs.range(of: container)?.lowerBound)
        let content = MainContent(container: container, body: page.body, stats: page.stats, headline: headline.text)
        let metadata = MetadataReader(page: page, headline: headline, content: content, url: url)
        let bylines = Set(metadata.bylineLines)
        let text = content.lines.enumerated().filter { !bylines.contains($0.offset) }.map(\.element).joined(separator: "\n")
        let title = headline.text
        return ExtractedDocument(
            title: title,
            published: metadata.published?.iso8601(in: options.timeZone),
            authors: metadata.authors,
            editor: metadata.editor,
            source: metadata.source,
            issuer: metadata.issuer,
            docNumber: metadata.docNumber,
            written: metadata.written?.iso8601(in: options.timeZone),
            indexNumber: metadata.indexNumber,
            siteName: metadata.siteName,
            script: ScriptDetector.script(of: title + text, fallback: page.language),
            text: text,
            links: BodyLinks.links(in: content.node, root: page.root, page: url)
        )
    }
}
