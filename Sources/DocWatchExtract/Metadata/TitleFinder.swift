import DocWatchCore

/// Finds the headline: the heading that agrees with `<title>` or the title meta tags.
///
/// `<h1>`…`<h3>` (and elements whose class/id says title) are tried in that order; the first
/// whose text the `<title>` contains, or that equals a title meta tag, is the headline. Without
/// agreement a government `ArticleTitle` wins, then `og:title`, then the `<title>` minus the site
/// name after `_`, `-`, `|` — unless that names no article, when the heading right above the text
/// (`<h1>`…`<h6>`) is taken.
struct TitleFinder {
    /// The headline text and, when a heading gave it, that heading.
    struct Headline {
        var text: String
        var node: HTMLNode?
    }

    static let separators: [String] = ["_", "|", "｜", " - ", "-", " — ", "—", "–", "::", "－", "：："]

    let titleTag: String
    /// `titleTag` split by `segments(of:)`.
    let titleSegments: [String]
    let meta: MetaTags
    /// Headings, then elements whose class or id names a title, in document order within each rank
    /// (`ParsedPage.headings`).
    let headings: [HTMLNode]

    /// The longest headline kept, in Unicode scalars (`<title>` and meta tags can be any length).
    static let maximumLength = 500

    /// `runs` and `contentStart` (the run index where the article text starts) place headings
    /// relative to the text. The text is capped at `maximumLength`, cut with "…".
    func headline(in body: HTMLNode, runs: PageRuns, contentStart: Int?) -> Headline {
        var found = uncappedHeadline(in: body, runs: runs, contentStart: contentStart)
        found.text = found.text.capped(at: Self.maximumLength)
        return found
    }

    private func uncappedHeadline(in body: HTMLNode, runs: PageRuns, contentStart: Int?) -> Headline {
        let metaTitle = meta.first(MetaTags.titleKeys)
        let pageTitle = titleTag.withoutSpaces
        let metaKey = metaTitle?.withoutSpaces
        let segmentKeys = titleSegments.map(\.withoutSpaces)
        let segment = segmentKeys.first ?? ""
        let trailing = Set(segmentKeys.dropFirst())
        let headings = self.headings.compactMap { node -> (node: HTMLNode, text: String, key: String)? in
            let text = node.textContent.spaceFolded
            let key = text.withoutSpaces
            let length = key.unicodeScalars.count
            return length >= 4 && length <= 160 ? (node, text, key) : nil
        }
        // Exact agreement with a title meta tag, the title's first segment or the whole title.
        if let found = headings.first(where: { $0.key == metaKey || $0.key == segment || $0.key == pageTitle }) {
            return Headline(text: found.text, node: found.node)
        }
        // A heading the title contains (title = column + headline …), but not the site name after it.
        if let found = headings.first(where: {
            !pageTitle.isEmpty && pageTitle.containsBytes($0.key) && !trailing.contains($0.key)
                && $0.key.unicodeScalars.count * 3 >= segment.unicodeScalars.count
        }) {
            return Headline(text: found.text, node: found.node)
        }
        // A title cut short (`…`) that the heading continues.
        let stem = segment.trimmingSuffix("…").trimmingSuffix("...")
        if stem.unicodeScalars.count >= 8, stem != pageTitle || stem != segment,
           let found = headings.first(where: { $0.key.hasPrefix(stem) }) {
            return Headline(text: found.text, node: found.node)
        }
        if let metaTitle, metaTitle.unicodeScalars.count >= 4 { return Headline(text: metaTitle, node: nil) }
        let parts = titleSegments
        let best = parts.max { $0.unicodeScalars.count < $1.unicodeScalars.count } ?? titleTag
        // A `<title>` of column and site names only (`新闻动态--中国地理学会官网`) names no article:
        // then the heading right above the text is the headline.
        let hanInBest = best.unicodeScalars.filter(Han.isIdeograph).count
        if hanInBest < 10, let contentStart, let found = Self.headingAbove(contentStart, in: body, runs: runs) { return found }
        return Headline(text: best, node: nil)
    }

    /// The heading closest above the article text (at most 15 runs up, or in its first two runs).
    private static func headingAbove(_ contentStart: Int, in body: HTMLNode, runs: PageRuns) -> Headline? {
        var best: (headline: Headline, position: Int)?
        for node in body.descendants(where: { Self.headingNames.contains($0.name) || $0.kindFlags.contains(.titleHint) }) {
            guard let range = runs.range(of: node), range.upperBound <= contentStart + 2, range.lowerBound + 15 >= contentStart else { continue }
            let text = node.textContent.spaceFolded
            guard (6...80).contains(text.withoutSpaces.unicodeScalars.count), !Self.isByline(text) else { continue }
            if let current = best, current.position >= range.lowerBound { continue }
            best = (Headline(text: text, node: node), range.lowerBound)
        }
        return best?.headline
    }

    private static let headingNames: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// A line that names reporters, sources or dates (`◎ 记者林又旻/编译`): a byline, not a headline.
    private static func isByline(_ text: String) -> Bool {
        if !BylineLabels.fields(in: text).isEmpty || DateScanner.first(in: text) != nil { return true }
        return ["记者", "記者", "编译", "編譯", "作者", "来源", "來源", "〉", "»", "›", " > "].contains { text.containsBytes($0) }
    }

    /// `<title>` split at the separators sites put between headline, column and site name.
    static func segments(of title: String) -> [String] {
        // A hyphen between digits (`1900万-2900万`, `2020-04`) is a range or a date, not a separator.
        var parts = [protectingNumericHyphens(title)]
        for separator in separators where title.containsBytes(separator) {
            parts = parts.flatMap { $0.split(separator: separator, omittingEmptySubsequences: false).map(String.init) }
        }
        return parts.map { part in
            String(String.UnicodeScalarView(part.unicodeScalars.map { $0 == protectedHyphen ? "-" : $0 })).trimmed
        }.filter { !$0.isEmpty }
    }

    /// Stands in for a hyphen between digits while the title is split.
    private static let protectedHyphen: Unicode.Scalar = "\u{E000}"

    private static func protectingNumericHyphens(_ title: String) -> String {
        let scalars = Array(title.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            let betweenDigits = scalar == "-" && index > 0 && index + 1 < scalars.count
                && CharacterClass.isDigit(scalars[index + 1]) && (CharacterClass.isDigit(scalars[index - 1]) || scalars[index - 1] == "万" || scalars[index - 1] == "亿")
            out.append(betweenDigits ? protectedHyphen : scalar)
        }
        return String(out)
    }

}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
