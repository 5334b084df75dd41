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
    /// The issuing office of a policy document (发文机关); never among `authors`.
    var issuer: String?
    /// 发文字号 / 文号.
    var docNumber: String?
    /// 成文日期, the date the document was signed.
    var written: PageDate?
    /// 索引号.
    var indexNumber: String?
    /// Indices of `content.lines` that are bylines (`光明日报记者 王建宏 张文攀`), not article text.
    var bylineLines: [Int] = []

    init(page: ParsedPage, headline: TitleFinder.Headline, content: MainContent, url: String?) {
        let runs = page.runs.runs
        let headlineRange = headline.node.flatMap { page.runs.range(of: $0) }
        let contentRange = page.runs.range(of: content.node) ?? runs.count..<runs.count
        let disclosure = DisclosureTable(runs: runs)
        let linkedData = JSONLinkedData(html: page.html)
        let forum = ForumPost(runs: runs, html: page.html)
        let signature = SignatureBlock(lines: content.lines)

        var above = Byline()
        above.read(runs[Self.headerZone(headline: headlineRange, content: contentRange, count: runs.count)], datesWithoutLabel: true)
        for run in runs[Self.headerZone(headline: headlineRange, content: contentRange, count: runs.count)] where !run.inLink {
            for name in Byline.bracketedNames(in: run.text) where !above.authors.contains(name) { above.authors.append(name) }
        }
        var head = Byline()
        for (index, line) in content.lines.prefix(5).enumerated() where line.unicodeScalars.count <= 50 {
            let before = head.authors.count
            head.read(line: line, next: nil, dateWithoutLabel: false)
            if head.authors.count > before {
                bylineLines.append(index)
            } else if index < 2, head.authors.isEmpty, Self.isNameLine(line) {
                head.authors = PersonNames.names(in: line, strict: true)
                bylineLines.append(index)
            }
        }
        // A dateline or lead that opens a paragraph (`据新华社拉萨电（记者 格桑边觉）西藏…`) stays in the text.
        if head.authors.isEmpty {
            for line in content.lines.prefix(3) where line.unicodeScalars.count > 50 {
                let names = LeadByline.authors(in: line)
                if !names.isEmpty {
                    head.authors = names
                    break
                }
            }
        }
        var contentHead = Byline()
        contentHead.read(runs[contentRange.lowerBound..<min(contentRange.upperBound, contentRange.lowerBound + 10)], datesWithoutLabel: false)
        var below = Byline()
        for (index, line) in content.lines.suffix(3).enumerated() where line.unicodeScalars.count <= 60 || index == 2 {
            if line.unicodeScalars.count <= 60 { below.read(line: line, next: nil, dateWithoutLabel: false) }
        }
        if let last = content.lines.last {
            for name in Byline.trailingNames(in: last) where !below.authors.contains(name) { below.authors.append(name) }
        }
        below.read(runs[contentRange.upperBound..<min(runs.count, contentRange.upperBound + 12)], datesWithoutLabel: false)

        let meta = page.meta
        // `published` is when the page went up (发布日期, firstpublishedtime, PubDate); a policy's
        // 成文日期, the date it was signed, is `written`.
        published = Self.strongest([
            disclosure.published,
            meta.first(MetaTags.publishedKeys).flatMap(DateScanner.first(in:)),
            linkedData.datePublished.flatMap(DateScanner.first(in:)),
            forum.date,
            page.html.containsBytes("<time") ? Self.timeElement(in: page.body) : nil,
            above.labelledDate,
            contentHead.labelledDate,
            above.bareDate,
            url.flatMap(DateScanner.inURL),
            below.date,
            Self.firstDate(in: runs[..<contentRange.upperBound]),
        ])

        let metaSource = meta.first(MetaTags.sourceKeys).flatMap { value in
            BylineLabels.fields(in: value).first { $0.field == .source }?.value ?? value
        }
        source = metaSource.flatMap(Byline.firstToken(of:)) ?? above.source ?? head.source ?? below.source
        let metaAuthors = meta.first(MetaTags.authorKeys).map(Self.personNames) ?? []
        written = disclosure.written ?? signature.written
        issuer = disclosure.issuer ?? signature.issuer
        docNumber = disclosure.docNumber ?? signature.docNumber
        indexNumber = disclosure.indexNumber
        let forumAuthors = forum.author.map { [$0] } ?? []
        authors = [forumAuthors, above.authors, head.authors, below.authors, metaAuthors, linkedData.authors].first { !$0.isEmpty } ?? []
        if let issuer { authors.removeAll { $0 == issuer } }
        editor = above.editor ?? below.editor
        siteName = meta.first(MetaTags.siteNameKeys)
            ?? SiteNameFinder.fromTitle(page.titleTag, segments: page.titleSegments, headline: headline.text)
            ?? linkedData.publisher
            ?? SiteNameFinder.fromFooter(runs.suffix(20)[...])
        if let source, source == editor { self.source = nil }
    }

    /// The first date found, with the time of-day from a weaker source for the same day when
    /// the strongest gives only the date (a `publishdate` meta tag without the time the byline shows).
    private static func strongest(_ candidates: [PageDate?]) -> PageDate? {
        let found = candidates.compactMap { $0 }
        guard var best = found.first else { return nil }
        if !best.hasTime || (best.hour == 0 && best.minute == 0 && (best.second ?? 0) == 0),
           let timed = found.dropFirst().first(where: { $0.hasTime && $0.year == best.year && $0.month == best.month && $0.day == best.day && !($0.hour == 0 && $0.minute == 0) }) {
            best = timed
        } else if best.hasTime, best.hour == 0, best.minute == 0, (best.second ?? 0) == 0, best.offset == nil {
            best.hour = nil
            best.minute = nil
            best.second = nil
        }
        return best
    }

    /// A line that is nothing but one to three person names: an author line under a headline.
    private static func isNameLine(_ line: String) -> Bool {
        let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "、" })
        guard (1...3).contains(tokens.count) else { return false }
        let names = PersonNames.names(in: line, strict: true)
        return names.count == tokens.count && names.allSatisfy { $0.unicodeScalars.count <= 3 }
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
        let names = PersonNames.names(in: value, strict: true)
        let tokens = value.split(whereSeparator: { " ,，、;；".contains($0) }).count
        return names.count == tokens ? names : []
    }
}
