import DocWatchCore
import Foundation

/// Finds the article links of a list page (a column index of a government or news site).
///
/// Links inside navigation, headers, footers, menus, breadcrumbs and pagers are ignored, as are
/// links to the page itself and to its other pages (`index_1.html` …). With `follow`, the pattern
/// alone chooses among the rest. Without it, on the page's host: the records of a Hanweb/TRS jpage
/// datastore when the page has one, else the links of its main list (`MainList`, the list with
/// the most dated links), wherever on the site they live; a page with neither keeps the links
/// below its own folder. URLs are resolved against `<base href>` and the page URL, canonicalised
/// and de-duplicated in document order; each link keeps the date its list item prints.
public enum LinkDiscovery {
    /// The article links of the list page `html` served at `pageURL`.
    public static func articleLinks(
        html: String, pageURL: String, follow: String?
    ) throws(ListingError) -> [DiscoveredLink] {
        try read(html: html, pageURL: pageURL, follow: follow, timeZone: ExtractionOptions().timeZone).listing.links
    }

    /// The article links and next page of the list page `html`, and how many links it had before choosing.
    static func read(
        html: String, pageURL: String, follow: String?, timeZone: TimeZone
    ) throws(ListingError) -> (listing: Listing, found: Int) {
        guard let page = LinkResolver.base(pageURL) else { throw .invalidBaseURL(pageURL) }
        let root = HTMLParser.parse(html)
        let datastore = JpageDatastore.find(in: html)
        let base = documentBase(root, page: page)
        var collector = ListCandidates(page: page, base: base, timeZone: timeZone)
        collector.collect(root, fromRecords: false)
        if let datastore {
            let records = datastore.records.map { "<div>\($0)</div>" }.joined()
            collector.collect(HTMLParser.parse("<html><body>\(records)</body></html>"), fromRecords: true)
        }
        let candidates = collector.candidates
        let chosen = try choose(candidates, page: page, follow: follow)
        let next: String?
        if let datastore {
            next = datastore.nextGroup.flatMap { LinkResolver.canonical($0, against: base) }
                .flatMap { $0 == LinkResolver.canonicalize(page) ? nil : $0 }
        } else if let scripted = ScriptPager.nextPage(in: html, page: base) {
            next = scripted
        } else {
            next = nextPageURL(root: root, pageURL: pageURL)
        }
        return (Listing(links: merged(chosen), nextPage: next), Set(candidates.map(\.url)).count)
    }

    /// The candidates that are articles of the source, by the rules above.
    private static func choose(_ candidates: [ListCandidate], page: URL, follow: String?) throws(ListingError) -> [ListCandidate] {
        if let follow, !follow.isEmpty {
            let filter = try LinkFilter(follow: follow, scope: page)
            return candidates.filter { filter.accepts($0.url) }
        }
        let site = try LinkFilter(follow: nil, scope: page)
        let onSite = candidates.filter { site.accepts($0.url, $0.components) && !LinkFilter.isColumnIndex($0.components.percentEncodedPath) }
        let records = onSite.filter(\.fromRecords)
        if !records.isEmpty { return records }
        if let main = MainList(onSite) { return onSite.filter(main.contains) }
        let folder = try LinkFilter(follow: nil, scope: page, directory: LinkFilter.directory(of: page))
        return candidates.filter { folder.accepts($0.url, $0.components) }
    }

    /// One link per URL, in first-seen order, with the first title and date any of its anchors gave.
    private static func merged(_ candidates: [ListCandidate]) -> [DiscoveredLink] {
        var links: [DiscoveredLink] = []
        var position: [String: Int] = [:]
        for candidate in candidates {
            if let index = position[candidate.url] {
                if links[index].title == nil { links[index].title = candidate.title }
                if links[index].published == nil { links[index].published = candidate.date }
                continue
            }
            position[candidate.url] = links.count
            links.append(DiscoveredLink(url: candidate.url, title: candidate.title, published: candidate.date))
        }
        return links
    }

    /// The URL relative links of `root` resolve against: its `<base href>` when valid, else `page`.
    static func documentBase(_ root: HTMLNode, page: URL) -> URL {
        guard let href = root.first("base")?["href"] else { return page }
        return LinkResolver.resolve(href, against: page) ?? page
    }
}

/// One anchor of a list page that may be an article link.
struct ListCandidate {
    let url: String
    let components: URLComponents
    let title: String?
    /// The date its list item prints, as ISO 8601.
    let date: String?
    /// Whether its list item prints a date, if only a month and day.
    let dated: Bool
    /// The list its item belongs to (the item's parent).
    let list: HTMLNode?
    /// Whether it came from a jpage record rather than the page's markup.
    let fromRecords: Bool
}

/// Collects the anchors of a page that are not furniture, the page itself, its other pages or pager links.
struct ListCandidates {
    private let base: URL
    private let pageKey: String?
    private let pagination: Pagination
    private let timeZone: TimeZone
    private var navigation = NavigationBlocks()
    private var dates: [ObjectIdentifier: (iso: String?, dated: Bool)] = [:]
    private(set) var candidates: [ListCandidate] = []

    init(page: URL, base: URL, timeZone: TimeZone) {
        self.base = base
        pageKey = LinkResolver.canonicalize(page)
        pagination = Pagination(listPage: page)
        self.timeZone = timeZone
    }

    mutating func collect(_ root: HTMLNode, fromRecords: Bool) {
        for anchor in root.all("a") {
            guard let href = anchor["href"], !navigation.contains(anchor) else { continue }
            let text = AnchorText.of(anchor)
            guard !Pagination.isPagerLabel(text), let url = LinkResolver.canonical(href, against: base) else { continue }
            guard url != pageKey, let parts = URLComponents(string: url), !pagination.isPage(parts) else { continue }
            let item = fromRecords ? recordItem(anchor) : ListItem.of(anchor)
            let printed = item.map { date(of: $0) }
            candidates.append(ListCandidate(
                url: url, components: parts, title: text, date: printed?.iso, dated: printed?.dated ?? false,
                list: item?.parent, fromRecords: fromRecords))
        }
    }

    /// A record's item is the `div` it was wrapped in, whatever its markup holds (`li`, table rows).
    private func recordItem(_ anchor: HTMLNode) -> HTMLNode? {
        var current = anchor.parent
        while let node = current, node.parent?.name != "body" { current = node.parent }
        return current
    }

    private mutating func date(of item: HTMLNode) -> (iso: String?, dated: Bool) {
        let key = ObjectIdentifier(item)
        if let known = dates[key] { return known }
        let printed = ListItem.date(of: item)
        let found = (printed.date?.iso8601(in: timeZone), printed.dated)
        dates[key] = found
        return found
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

    static func folded(_ text: String) -> String? {
        TextScan.folded(text)
    }

    private static func isTruncated(_ text: String) -> Bool {
        text.hasSuffix("…") || text.hasSuffix("...") || text.hasSuffix("。。。")
    }
}
