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
