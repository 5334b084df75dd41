import DocWatchCore
import Foundation

/// Finds the article links of a list page (a column index of a government or news site).
///
/// Links inside navigation, headers, footers, menus, breadcrumbs and pagers are ignored, as are
/// links to the page itself and to its other pages (`index_1.html` …). What remains is kept when
/// it matches `follow` or, without one, when it lies on the page's host below the page's
/// directory. URLs are resolved against `<base href>` and the page URL, canonicalised and
/// de-duplicated in document order.
public enum LinkDiscovery {
    /// The article links of the list page `html` served at `pageURL`.
    public static func articleLinks(
        html: String, pageURL: String, follow: String?
    ) throws(DiscoveryError) -> [DiscoveredLink] {
        try articleLinks(root: HTMLParser.parse(html), pageURL: pageURL, follow: follow)
    }

    /// The article links of the parsed list page `root` served at `pageURL`.
    public static func articleLinks(
        root: HTMLNode, pageURL: String, follow: String?
    ) throws(DiscoveryError) -> [DiscoveredLink] {
        guard let page = LinkResolver.base(pageURL) else { throw .invalidBaseURL(pageURL) }
        let filter = try LinkFilter(follow: follow, scope: page, directory: LinkFilter.directory(of: page))
        let base = documentBase(root, page: page)
        let pageKey = LinkResolver.canonicalize(page)
        let pagination = Pagination(listPage: page)
        var navigation = NavigationBlocks()
        var links: [DiscoveredLink] = []
        var position: [String: Int] = [:]
        for anchor in root.all("a") {
            guard let href = anchor["href"], !navigation.contains(anchor) else { continue }
            let text = AnchorText.of(anchor)
            guard !Pagination.isPagerLabel(text), let url = LinkResolver.canonical(href, against: base) else { continue }
            guard url != pageKey, let parts = URLComponents(string: url) else { continue }
            guard filter.accepts(url, parts), !pagination.isPage(parts) else { continue }
            if let index = position[url] {
                if links[index].title == nil { links[index].title = text }
                continue
            }
            position[url] = links.count
            links.append(DiscoveredLink(url: url, title: text))
        }
        return links
    }

    /// The URL relative links of `root` resolve against: its `<base href>` when valid, else `page`.
    static func documentBase(_ root: HTMLNode, page: URL) -> URL {
        guard let href = root.first("base")?["href"] else { return page }
        return LinkResolver.resolve(href, against: page) ?? page
    }
}

/// The title a link gives its target: the anchor text with white space folded, or the anchor's
/// `title` attribute when the text is missing or cut short (`…`, `...`), or an image's `alt`.
enum AnchorText {
    static func of(_ anchor: HTMLNode) -> String? {
        let text = folded(anchor.textContent)
        let attribute = folded(anchor["title"] ?? "")
        if let text, !isTruncated(text) { return text }
        if let attribute { return attribute }
        if let text { return text }
        return anchor.first("img").flatMap { folded($0["alt"] ?? "") }
    }

    /// `text` with white space runs folded to one space and trimmed; `nil` when nothing is left.
    static func folded(_ text: String) -> String? {
        let out = Whitespace.fold(text)
        return out.isEmpty ? nil : out
    }

    private static func isTruncated(_ text: String) -> Bool {
        text.hasSuffix("…") || text.hasSuffix("...") || text.hasSuffix("。。。")
    }
}
