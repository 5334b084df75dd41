import Foundation

/// The metadata of one page, each field from the strongest evidence that has it.
///
/// Order: government meta tags, the information-disclosure table, JSON-LD and Open Graph,
/// `<time>`, the byline around the headline, then the lines under the article and the URL.
struct MetadataReader {
    var published: PageDate?
    var authors: [String] = []
    var editor: String?
    var source: String?
    var siteName: String?

    init(page: ParsedPage, headline: TitleFinder.Headline, content: MainContent, url: String?) {
        let runs = page.runs.runs
        let headlineRange = headline.node.flatMap { page.runs.range(of: $0) }
        let contentRange = page.runs.range(of: content.node) ?? runs.count..<runs.count
        let disclosure = DisclosureTable(runs: runs)
        let linkedData = JSONLinkedData(html: page.html)

        var above = Byline()
        above.read(runs[Self.headerZone(headline: headlineRange, content: contentRange, count: runs.count)], datesWithoutLabel: true)
        var below = Byline()
        for (index, line) in content.lines.suffix(3).enumerated() where line.unicodeScalars.count <= 60 || index == 2 {
            if line.unicodeScalars.count <= 60 { below.read(line: line, next: nil, dateWithoutLabel: false) }
        }
        if let last = content.lines.last {
            for name in Byline.trailingNames(in: last) where !below.authors.contains(name) { below.authors.append(name) }
        }
        below.read(runs[contentRange.upperBound..<min(runs.count, contentRange.upperBound + 12)], datesWithoutLabel: false)

        let meta = page.meta
        published = meta.first(MetaTags.publishedKeys).flatMap(DateScanner.first(in:))
            ?? disclosure.published
            ?? linkedData.datePublished.flatMap(DateScanner.first(in:))
            ?? Self.timeElement(in: page.body)
            ?? above.date
            ?? disclosure.written
            ?? url.flatMap(DateScanner.inURL)
            ?? below.date
            ?? Self.firstDate(in: runs[..<contentRange.upperBound])

        source = meta.first(MetaTags.sourceKeys).flatMap(Byline.firstToken(of:)) ?? above.source ?? below.source
        let metaAuthors = meta.first(MetaTags.authorKeys).map(Self.personNames) ?? []
        authors = [above.authors, below.authors, metaAuthors, linkedData.authors].first { !$0.isEmpty }
            ?? disclosure.issuer.map { [$0] } ?? []
        editor = above.editor ?? below.editor
        siteName = meta.first(MetaTags.siteNameKeys)
            ?? SiteNameFinder.fromTitle(page.titleTag, headline: headline.text)
            ?? linkedData.publisher
            ?? SiteNameFinder.fromFooter(runs.suffix(20)[...])
        if let source, source == editor { self.source = nil }
    }

    /// The runs between the headline and the text, where bylines sit.
    private static func headerZone(headline: Range<Int>?, content: Range<Int>, count: Int) -> Range<Int> {
        if let headline {
            let start = headline.upperBound
            let end = content.lowerBound > start ? min(content.lowerBound, start + 40) : start + 12
            return start..<min(max(start, end), count)
        }
        let end = min(content.lowerBound, count)
        return max(0, end - 12)..<end
    }

    /// The first `<time>` element's `datetime`, or its text.
    private static func timeElement(in body: HTMLNode) -> PageDate? {
        guard let time = body.first("time") else { return nil }
        return time["datetime"].flatMap(DateScanner.first(in:)) ?? DateScanner.first(in: time.textContent)
    }

    /// The first date outside links.
    private static func firstDate(in runs: ArraySlice<TextRun>) -> PageDate? {
        for run in runs where !run.inLink {
            if let date = DateScanner.first(in: run.text) { return date }
        }
        return nil
    }

    /// A meta `author` only when it is a list of person names, not an outlet or a user id.
    private static func personNames(_ value: String) -> [String] {
        let names = PersonNames.names(in: value)
        let tokens = value.split(whereSeparator: { " ,，、;；".contains($0) }).count
        return names.count == tokens ? names : []
    }
}
