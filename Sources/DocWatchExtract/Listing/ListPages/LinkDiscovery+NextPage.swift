import Foundation

extension LinkDiscovery {
    /// The URL of the list page after `pageURL`, for sources that read several pages of a list.
    ///
    /// In order: `<link rel="next">` or `<a rel="next">`; a link labelled 下一页 / 下页 / next / `>`;
    /// then, when the page shows no such label at all (its pager is drawn by a script), the next
    /// name in the `index.html`, `index_1.html`, `index_2.html` … scheme. A next label without a
    /// usable link means the last page: `nil`.
    public static func nextPageURL(html: String, pageURL: String) -> String? {
        nextPageURL(root: HTMLParser.parse(html), pageURL: pageURL)
    }

    /// `nextPageURL(html:pageURL:)` for an already parsed page.
    static func nextPageURL(root: HTMLNode, pageURL: String) -> String? {
        guard let page = LinkResolver.base(pageURL) else { return nil }
        let base = documentBase(root, page: page)
        let pageKey = LinkResolver.canonicalize(page)

        func usable(_ href: String?) -> String? {
            guard let href, let url = LinkResolver.canonical(href, against: base), url != pageKey else { return nil }
            return url
        }

        let relNext = root.descendants { ($0.name == "link" || $0.name == "a") && isRelNext($0["rel"]) }
        for element in relNext {
            if let url = usable(element["href"]) { return url }
        }
        var sawNextLabel = false
        for anchor in root.all("a") where Pagination.isNextLabel(AnchorText.of(anchor)) {
            if let url = usable(anchor["href"]) { return url }
            sawNextLabel = true
        }
        if sawNextLabel || hasDisabledNextLabel(root) { return nil }
        return Pagination.guessNext(after: page).flatMap { LinkResolver.canonicalize($0) }
    }

    private static func isRelNext(_ rel: String?) -> Bool {
        rel?.lowercased().split(separator: " ").contains("next") == true
    }

    /// A 下一页 label that is plain text (the pager of the last page often renders it so).
    private static func hasDisabledNextLabel(_ root: HTMLNode) -> Bool {
        var found = false
        root.forEachText { node in
            if !found, node.text.count < 20, Pagination.isNextLabel(node.text, arrows: false) { found = true }
        }
        return found
    }
}
