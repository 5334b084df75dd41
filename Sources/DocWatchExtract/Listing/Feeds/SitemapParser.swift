import DocWatchCore
import Foundation

/// A parsed sitemap: document pages (`urlset`) or child sitemaps to fetch next (`sitemapindex`).
public struct Sitemap: Sendable, Equatable {
    /// Which of the two sitemap documents this was.
    public enum Kind: String, Sendable {
        case urlset, index
    }

    public var kind: Kind
    /// `loc` + `lastmod` of each page that passed the filter, canonical, in sitemap order.
    public var pages: [DiscoveredLink]
    /// `loc` + `lastmod` of each child sitemap of an index (never filtered: they are not documents).
    public var sitemaps: [DiscoveredLink]

    /// A sitemap of `kind` listing `pages` or child `sitemaps`.
    public init(kind: Kind, pages: [DiscoveredLink] = [], sitemaps: [DiscoveredLink] = []) {
        self.kind = kind
        self.pages = pages
        self.sitemaps = sitemaps
    }
}

/// Reads XML sitemaps (`urlset` and `sitemapindex`, plain or gzipped; news sitemaps give titles)
/// and plain-text sitemaps (one URL a line).
///
/// Pages are kept when they match `follow` or, without one, when they are on the sitemap's host.
public enum SitemapParser {
    /// Decompressed sitemaps past this size are refused (the protocol allows 50 MB).
    public static let maximumSize = 64 << 20

    /// The sitemap in `bytes` (gzip detected by its magic number) served at `sitemapURL`.
    public static func parse(_ bytes: [UInt8], sitemapURL: String, follow: String?) throws(ListingError) -> Sitemap {
        guard let base = LinkResolver.base(sitemapURL) else { throw .invalidBaseURL(sitemapURL) }
        let filter = try LinkFilter(follow: follow, scope: base)
        var sitemap = try read(ListingBytes(bytes: bytes), base: base)
        sitemap.pages = sitemap.pages.filter { filter.accepts($0.url) }
        return sitemap
    }

    /// Every page or child sitemap of `body`, unfiltered.
    static func read(_ body: ListingBytes, base: URL) throws(ListingError) -> Sitemap {
        let inflated = try body.inflated(limit: maximumSize)
        if isPlainText(inflated.bytes) { return plainText(inflated.text(), base: base) }
        let root = try inflated.xmlRoot(url: base.absoluteString)
        switch root.name {
        case "urlset":
            return Sitemap(kind: .urlset, pages: entries(root.children("url"), base: base))
        case "sitemapindex":
            return Sitemap(kind: .index, sitemaps: entries(root.children("sitemap"), base: base))
        default:
            throw .unexpectedDocument(expected: "a sitemap", root: root.name)
        }
    }

    private static func entries(_ elements: [XMLTreeElement], base: URL) -> [DiscoveredLink] {
        elements.compactMap { element -> DiscoveredLink? in
            guard let loc = element.child("loc")?.trimmedText,
                  let url = LinkResolver.canonical(loc, against: element.base ?? base)
            else { return nil }
            let news = element.child("news")  // Google News sitemaps: <news:news><news:title>, <news:publication_date>
            return DiscoveredLink(
                url: url, title: news?.child("title")?.trimmedText,
                updated: element.child("lastmod")?.trimmedText ?? news?.child("publication_date")?.trimmedText
            )
        }.uniqued()
    }

    /// A body whose first visible character is not `<` (a BOM and white space skipped).
    private static func isPlainText(_ bytes: [UInt8]) -> Bool {
        guard let first = TextScan.firstVisibleByte(bytes) else { return false }
        return first != UInt8(ascii: "<")
    }

    private static func plainText(_ text: String, base: URL) -> Sitemap {
        let lines = text.split(whereSeparator: \.isNewline)
        let pages = lines.compactMap { line -> DiscoveredLink? in
            let text = Whitespace.trim(String(line))
            guard text.lowercased().hasPrefix("http") else { return nil }
            guard let url = LinkResolver.canonical(text, against: base) else { return nil }
            return DiscoveredLink(url: url)
        }
        return Sitemap(kind: .urlset, pages: pages.uniqued())
    }
}
