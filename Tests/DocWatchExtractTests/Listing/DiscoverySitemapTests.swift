import DocWatchCore
import Testing
@testable import DocWatchExtract

@Suite("Sitemap parsing")
struct DiscoverySitemapTests {
    static let urlset = """
    <?xml version="1.0" encoding="UTF-8"?>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>https://www.gd.gov.cn/zwgk/wjk/content/post_1.html</loc><lastmod>2024-05-01</lastmod></url>
      <url><loc> https://www.gd.gov.cn/zwgk/wjk/content/post_2.html </loc><lastmod>2024-05-02T10:00:00+08:00</lastmod></url>
      <url><loc>https://www.gd.gov.cn/zwgk/wjk/content/post_3.html</loc><changefreq>never</changefreq></url>
      <url><loc>https://www.gd.gov.cn/gywm/lxwm.html</loc><lastmod>2020-01-01</lastmod></url>
      <url><loc>https://www.gd.gov.cn/zwgk/wjk/content/post_1.html</loc></url>
      <url><loc>https://cdn.other.cn/zwgk/wjk/content/post_9.html</loc></url>
    </urlset>
    """

    static let articles = [
        DiscoveredLink(url: "https://www.gd.gov.cn/zwgk/wjk/content/post_1.html", updated: "2024-05-01"),
        DiscoveredLink(url: "https://www.gd.gov.cn/zwgk/wjk/content/post_2.html", updated: "2024-05-02T10:00:00+08:00"),
        DiscoveredLink(url: "https://www.gd.gov.cn/zwgk/wjk/content/post_3.html"),
    ]

    @Test("urlset: follow keeps the three articles and drops the other page")
    func urlsetWithFollow() throws {
        let sitemap = try SitemapParser.parse(
            Array(Self.urlset.utf8), sitemapURL: "https://www.gd.gov.cn/sitemap.xml", follow: #"^https://www\.gd\.gov\.cn/zwgk/wjk/content/post_\d+\.html$"#
        )
        #expect(sitemap.kind == .urlset)
        #expect(sitemap.pages == Self.articles)
        #expect(sitemap.sitemaps.isEmpty)
    }

    @Test("urlset without follow: every page on the sitemap's host, none from other hosts")
    func urlsetSameHost() throws {
        let sitemap = try SitemapParser.parse(Array(Self.urlset.utf8), sitemapURL: "https://www.gd.gov.cn/sitemap.xml", follow: nil)
        #expect(sitemap.pages.map(\.url) == Self.articles.map(\.url) + ["https://www.gd.gov.cn/gywm/lxwm.html"])
    }

    static let index = """
    <?xml version="1.0" encoding="UTF-8"?>
    <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://www.gd.gov.cn/sitemap-zwgk.xml.gz</loc><lastmod>2024-05-02</lastmod></sitemap>
      <sitemap><loc>/sitemap-xxgk.xml</loc></sitemap>
    </sitemapindex>
    """

    @Test("sitemapindex: child sitemaps, apart from pages, resolved and not filtered")
    func sitemapIndex() throws {
        let sitemap = try SitemapParser.parse(Array(Self.index.utf8), sitemapURL: "https://www.gd.gov.cn/sitemap.xml", follow: "nothing")
        #expect(sitemap.kind == .index)
        #expect(sitemap.pages.isEmpty)
        #expect(sitemap.sitemaps == [
            DiscoveredLink(url: "https://www.gd.gov.cn/sitemap-zwgk.xml.gz", updated: "2024-05-02"),
            DiscoveredLink(url: "https://www.gd.gov.cn/sitemap-xxgk.xml"),
        ])
    }

    @Test("a gzipped sitemap is detected by its magic number and inflated")
    func gzipped() throws {
        let body = Gzip.wrap(Array(Self.urlset.utf8))
        #expect(Compression.isGzip(body))
        let sitemap = try SitemapParser.parse(body, sitemapURL: "https://www.gd.gov.cn/sitemap.xml.gz", follow: #"gd\.gov\.cn/.*post_"#)
        #expect(sitemap.pages == Self.articles)
    }

    @Test("a corrupt gzip body is an error")
    func corruptGzip() {
        var body = Gzip.wrap(Array(Self.urlset.utf8))
        body.removeLast(body.count / 2)
        #expect {
            _ = try SitemapParser.parse(body, sitemapURL: "https://www.gd.gov.cn/sitemap.xml.gz", follow: nil)
        } throws: { error in
            guard case .corruptGzip = error as? ListingError else { return false }
            return true
        }
    }

    @Test("a news sitemap gives each page its title and publication date")
    func newsSitemap() throws {
        let xml = """
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
          <url><loc>https://www.chinanews.com.cn/gn/2024/05-02/1.shtml</loc>
            <news:news><news:publication><news:name>中国新闻网</news:name><news:language>zh</news:language></news:publication>
              <news:publication_date>2024-05-02T08:00:00+08:00</news:publication_date><news:title>国内新闻标题</news:title></news:news>
          </url>
        </urlset>
        """
        let sitemap = try SitemapParser.parse(Array(xml.utf8), sitemapURL: "https://www.chinanews.com.cn/sitemap-news.xml", follow: nil)
        #expect(sitemap.pages == [
            DiscoveredLink(url: "https://www.chinanews.com.cn/gn/2024/05-02/1.shtml", title: "国内新闻标题", updated: "2024-05-02T08:00:00+08:00"),
        ])
    }

    @Test("a plain-text sitemap lists one URL a line")
    func plainText() throws {
        let text = "https://www.gd.gov.cn/a/1.html\n\nhttps://www.gd.gov.cn/a/2.html\r\nnot a url\nhttps://x.cn/3.html\n"
        let sitemap = try SitemapParser.parse(Array(text.utf8), sitemapURL: "https://www.gd.gov.cn/sitemap.txt", follow: nil)
        #expect(sitemap.pages.map(\.url) == ["https://www.gd.gov.cn/a/1.html", "https://www.gd.gov.cn/a/2.html"])
    }

    @Test("a feed where a sitemap should be is an error that says what it got")
    func feedIsNotASitemap() {
        #expect(throws: ListingError.unexpectedDocument(expected: "a sitemap", root: "rss")) {
            _ = try SitemapParser.parse(Array("<rss/>".utf8), sitemapURL: "https://www.gd.gov.cn/sitemap.xml", follow: nil)
        }
    }
}

/// Builds gzip members from zlib's deflate output, for fixtures.
enum Gzip {
    static func wrap(_ bytes: [UInt8]) -> [UInt8] {
        let zlib = Compression.deflate(bytes)
        let raw = zlib[2..<(zlib.count - 4)]  // drop the zlib header and the Adler-32 trailer
        let header: [UInt8] = [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0xFF]
        return header + raw + littleEndian(crc32(bytes)) + littleEndian(UInt32(truncatingIfNeeded: bytes.count))
    }

    private static func littleEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
