/// Finds the headline: the heading that agrees with `<title>` or the title meta tags.
///
/// `<h1>`…`<h3>` (and elements whose class/id says title) are tried in that order; the first
/// whose text the `<title>` contains, or that equals a title meta tag, is the headline. Without
/// agreement a government `ArticleTitle` wins, then `og:title`, then the `<title>` minus the site
/// name after `_`, `-`, `|`.
struct TitleFinder {
    /// The headline text and, when a heading gave it, that heading.
    struct Headline {
        var text: String
        var node: HTMLNode?
    }

    static let separators: [String] = ["_", "|", "｜", " - ", "-", " — ", "—", "–", "::", "－", "：："]

    let titleTag: String
    let meta: MetaTags


    func headline(in body: HTMLNode) -> Headline {
        let metaTitle = meta.first(MetaTags.titleKeys)
        let pageTitle = titleTag.withoutSpaces
        let metaKey = metaTitle?.withoutSpaces
        let segment = Self.segments(of: titleTag).first?.withoutSpaces ?? ""
        for candidate in candidates(in: body) {
            let text = candidate.textContent.spaceFolded
            let key = text.withoutSpaces
            let length = key.unicodeScalars.count
            guard length >= 4, length <= 160 else { continue }
            if key == metaKey || (!pageTitle.isEmpty && pageTitle.containsBytes(key) && length * 3 >= segment.unicodeScalars.count) {
                return Headline(text: text, node: candidate)
            }
            if segment.unicodeScalars.count >= 8, key.hasPrefix(segment.trimmingSuffix("…").trimmingSuffix("...")), segment != pageTitle || segment.hasSuffix("…") || segment.hasSuffix("...") {
                return Headline(text: text, node: candidate)
            }
        }
        if let metaTitle, metaTitle.unicodeScalars.count >= 4 { return Headline(text: metaTitle, node: nil) }
        let parts = Self.segments(of: titleTag)
        let best = parts.first { $0.unicodeScalars.count >= 6 } ?? parts.max { $0.unicodeScalars.count < $1.unicodeScalars.count } ?? titleTag
        return Headline(text: best, node: nil)
    }

    /// `<title>` split at the separators sites put between headline, column and site name.
    static func segments(of title: String) -> [String] {
        var parts = [title]
        for separator in separators where title.containsBytes(separator) {
            parts = parts.flatMap { $0.split(separator: separator, omittingEmptySubsequences: false).map(String.init) }
        }
        return parts.map(\.trimmed).filter { !$0.isEmpty }
    }

    /// Headings, then elements whose class or id names a title, in document order within each rank.
    private func candidates(in body: HTMLNode) -> [HTMLNode] {
        var ranked: [[HTMLNode]] = [[], [], [], []]
        for node in body.descendants(where: { _ in true }) {
            switch node.name {
            case "h1": ranked[0].append(node)
            case "h2": ranked[1].append(node)
            case "h3": ranked[2].append(node)
            default:
                if node.attributes["class"] != nil || node.attributes["id"] != nil, node.idAndClass.containsBytes("title") { ranked[3].append(node) }
            }
        }
        return ranked.flatMap { $0 }
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
