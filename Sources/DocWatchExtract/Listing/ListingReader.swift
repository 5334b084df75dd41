import DocWatchCore
import Foundation

/// The one entry point for listings: reads a fetched list page, feed, sitemap or JSON answer and
/// returns its article links (canonical, filtered, with titles and dates), its next page and its
/// child sitemaps.
///
/// Every kind is decoded by the same charset order (the source's `charset`, the `Content-Type`,
/// then what the body declares) and filtered by the same rule: `follow` when the source sets one,
/// else the same site (for list pages, `LinkDiscovery`'s main-list rules).
public enum ListingReader {
    /// The links of `body`. A listing that yields no article link (and no child sitemap) is an
    /// error, `ListingError.noArticleLinks`, saying what to try.
    public static func read(_ body: ListingBody, decode: @escaping ListingTextDecoder) throws(ListingError) -> Listing {
        guard let base = LinkResolver.base(body.url) else { throw .invalidBaseURL(body.url) }
        let bytes = ListingBytes(bytes: body.bytes, contentType: body.contentType, charset: body.charset, decode: decode)
        let (listing, found) = try links(of: body, bytes, base: base)
        if listing.links.isEmpty && listing.childSitemaps.isEmpty {
            throw .noArticleLinks(url: body.url, kind: body.kind, follow: body.follow, found: found)
        }
        return listing
    }

    /// The listing and how many links the body had before filtering.
    private static func links(
        of body: ListingBody, _ bytes: ListingBytes, base: URL
    ) throws(ListingError) -> (Listing, Int) {
        switch body.kind {
        case .list, .page:
            return try LinkDiscovery.read(html: bytes.text(), pageURL: body.url, follow: body.follow, timeZone: body.timeZone)
        case .feed:
            let entries = try FeedParser.read(bytes, feedURL: body.url).entries
            return (Listing(links: try filtered(entries, body, base: base)), entries.count)
        case .sitemap:
            let sitemap = try SitemapParser.read(bytes, base: base)
            return (Listing(links: try filtered(sitemap.pages, body, base: base), childSitemaps: sitemap.sitemaps.map(\.url)),
                    sitemap.pages.count)
        case .json:
            guard let paths = body.jsonPaths else { throw .missingJSONPaths }
            let links = try JSONListParser.links(in: bytes.text(), paths: paths, base: base, zone: body.timeZone)
            return (Listing(links: try filtered(links, body, base: base)), links.count)
        }
    }

    /// `links` that `follow` (else the source's host) takes.
    private static func filtered(_ links: [DiscoveredLink], _ body: ListingBody, base: URL) throws(ListingError) -> [DiscoveredLink] {
        let filter = try LinkFilter(follow: body.follow, scope: base)
        return links.filter { filter.accepts($0.url) }
    }
}
