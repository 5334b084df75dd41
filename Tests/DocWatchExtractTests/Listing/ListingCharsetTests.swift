import DocWatchCore
import DocWatchTestSupport
import Testing
@testable import DocWatchExtract

/// Feeds and sitemaps read their charset the way pages do: the source's `charset`, the
/// response's `Content-Type`, then the XML declaration.
@Suite("Listing entry point: feed and sitemap charsets")
struct ListingCharsetTests {
    static let title = "江苏省工业和信息化厅关于推进制造业智能化改造的通知"

    static func rss(declaration: String) -> [UInt8] {
        LegacyEncoding.gbk("""
            \(declaration)<rss version="2.0"><channel><title>工信动态</title>
            <item><title>\(title)</title><link>https://gxt.jiangsu.gov.cn/art/2024/7/30/art_1.html</link></item>
            </channel></rss>
            """)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let contentType: String?
        let charset: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        .init(name: "GBK declared only by the Content-Type", bytes: rss(declaration: ""),
              contentType: "application/rss+xml; charset=GBK", charset: nil),
        .init(name: "GBK declared by the source's charset, the feed claiming UTF-8",
              bytes: rss(declaration: #"<?xml version="1.0" encoding="utf-8"?>"#), contentType: "text/xml", charset: "gbk"),
        .init(name: "GBK declared by the XML declaration, a Content-Type wrongly saying UTF-8",
              bytes: rss(declaration: #"<?xml version="1.0" encoding="gb2312"?>"#), contentType: "text/xml; charset=utf-8", charset: nil),
        .init(name: "GBK declared by the XML declaration alone",
              bytes: rss(declaration: #"<?xml version="1.0" encoding="gbk"?>"#), contentType: "text/xml", charset: nil),
        .init(name: "UTF-8 bytes under a GB2312 Content-Type (a converted site)",
              bytes: Array("<rss version=\"2.0\"><channel><item><title>\(title)</title><link>https://gxt.jiangsu.gov.cn/art/2024/7/30/art_1.html</link></item></channel></rss>".utf8),
              contentType: "text/xml; charset=gb2312", charset: nil),
    ]

    @Test("a feed's titles decode by the source's charset, the Content-Type, then the declaration", arguments: cases)
    func feedCharset(_ example: Case) throws {
        let listing = try ListingFixtures.read(.feed, example.bytes, url: "https://gxt.jiangsu.gov.cn/rss.xml",
                                               contentType: example.contentType, charset: example.charset)
        #expect(listing.links.map(\.title) == [Self.title])
    }

    @Test("a news sitemap's titles decode by the Content-Type")
    func sitemapCharset() throws {
        let xml = """
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
            <url><loc>https://gxt.jiangsu.gov.cn/art/2024/7/30/art_1.html</loc><news:news><news:title>\(Self.title)</news:title></news:news></url>
            </urlset>
            """
        let listing = try ListingFixtures.read(.sitemap, LegacyEncoding.gbk(xml), url: "https://gxt.jiangsu.gov.cn/sitemap.xml",
                                               contentType: "application/xml; charset=gbk")
        #expect(listing.links.map(\.title) == [Self.title])
    }
}

/// A listing that yields no article link is a failure that says what to try.
@Suite("Listing entry point: no article links")
struct ListingEmptyTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let kind: SourceKind
        let body: String
        let follow: String?
        /// Words the message must hold.
        let says: [String]
        var testDescription: String { name }
    }

    static let navigationOnly = """
        <html><body><div class="nav"><a href="/col/col1/index.html">首页</a></div>
        <div id="list"></div><script>$.get("/api/list.json")</script></body></html>
        """

    static let cases: [Case] = [
        .init(name: "a list page filled in by a script", kind: .list, body: navigationOnly, follow: nil,
              says: ["no article links in the list page", "kind = \"json\"", "no links"]),
        .init(name: "a list page whose links are all elsewhere", kind: .list,
              body: "<html><body><p><a href=\"https://www.gov.cn/a.html\">国务院</a></p></body></html>", follow: nil,
              says: ["none of its 1 links", "set follow"]),
        .init(name: "a follow pattern that matches nothing", kind: .list,
              body: "<html><body><ul><li><a href=\"a.html\">一</a></li></ul></body></html>", follow: "/art/",
              says: ["follow '/art/' matches none of its 1 links", "kind = \"json\""]),
        .init(name: "an empty feed", kind: .feed, body: "<rss version=\"2.0\"><channel><title>空</title></channel></rss>",
              follow: nil, says: ["no article links in the feed"]),
        .init(name: "a sitemap of another site", kind: .sitemap,
              body: "<urlset><url><loc>https://other.example.cn/a.html</loc></url></urlset>", follow: nil,
              says: ["no article links in the sitemap", "set follow"]),
    ]

    @Test("no article links: an error naming the listing and what to try", arguments: cases)
    func noLinks(_ example: Case) {
        #expect {
            _ = try ListingFixtures.read(example.kind, example.body, url: "https://gxt.jiangsu.gov.cn/col/col6278/index.html",
                                         follow: example.follow)
        } throws: { error in
            guard let error = error as? ListingError, case .noArticleLinks = error else { return false }
            return example.says.allSatisfy { error.description.contains($0) }
        }
    }

    @Test("a sitemap index with child sitemaps and no pages is not empty")
    func sitemapIndex() throws {
        let body = "<sitemapindex><sitemap><loc>https://gxt.jiangsu.gov.cn/sitemap-1.xml</loc></sitemap></sitemapindex>"
        let listing = try ListingFixtures.read(.sitemap, body, url: "https://gxt.jiangsu.gov.cn/sitemap.xml")
        #expect(listing.childSitemaps == ["https://gxt.jiangsu.gov.cn/sitemap-1.xml"])
    }
}
