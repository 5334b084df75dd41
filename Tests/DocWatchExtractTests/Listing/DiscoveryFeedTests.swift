import DocWatchCore
import Testing
@testable import DocWatchExtract

@Suite("Feed parsing")
struct DiscoveryFeedTests {
    static let rss2 = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
      <channel>
        <title>新华网 时政</title>
        <link>http://www.news.cn/politics/</link>
        <atom:link rel="self" href="http://www.news.cn/politics/rss.xml"/>
        <item>
          <title>国务院常务会议研究部署稳外贸工作</title>
          <link>http://www.news.cn/politics/2024-01/12/c_1.htm?utm_source=rss</link>
          <pubDate>Fri, 12 Jan 2024 18:06:00 +0800</pubDate>
        </item>
        <item>
          <title><![CDATA[<b>工业</b>经济 &amp; 运行]]></title>
          <link>/politics/2024-01/11/c_2.htm</link>
          <dc:date>2024-01-11T09:00:00+08:00</dc:date>
        </item>
        <item>
          <title>只有 guid 的条目</title>
          <guid>http://www.news.cn/politics/2024-01/10/c_3.htm</guid>
        </item>
        <item>
          <title>带查询参数</title>
          <link>http://www.news.cn/detail.jsp?id=4&amp;cat=2</link>
          <pubDate>Wed, 10 Jan 2024 08:00:00 +0800</pubDate>
          <atom:updated>2024-01-10T12:00:00+08:00</atom:updated>
        </item>
        <item><title>没有链接</title><guid isPermaLink="false">tag:news.cn,2024:5</guid></item>
      </channel>
    </rss>
    """

    @Test("RSS 2.0: four items with link, title and date, relative links against the feed URL")
    func rss2Items() throws {
        let feed = try FeedParser.parse(Array(Self.rss2.utf8), feedURL: "http://www.news.cn/politics/rss.xml")
        #expect(feed.format == .rss)
        #expect(feed.title == "新华网 时政")
        #expect(feed.entries == [
            DiscoveredLink(url: "http://www.news.cn/politics/2024-01/12/c_1.htm", title: "国务院常务会议研究部署稳外贸工作",
                           updated: "Fri, 12 Jan 2024 18:06:00 +0800"),
            DiscoveredLink(url: "http://www.news.cn/politics/2024-01/11/c_2.htm", title: "工业经济 & 运行",
                           updated: "2024-01-11T09:00:00+08:00"),
            DiscoveredLink(url: "http://www.news.cn/politics/2024-01/10/c_3.htm", title: "只有 guid 的条目"),
            DiscoveredLink(url: "http://www.news.cn/detail.jsp?id=4&cat=2", title: "带查询参数", updated: "2024-01-10T12:00:00+08:00"),
        ])
    }

    static let rss1 = """
    <?xml version="1.0"?>
    <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
             xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://example.gov.cn/">
        <title>示例 RDF</title>
        <items><rdf:Seq><rdf:li rdf:resource="https://example.gov.cn/a/1.html"/></rdf:Seq></items>
      </channel>
      <item rdf:about="https://example.gov.cn/a/1.html">
        <title>第一条</title><link>https://example.gov.cn/a/1.html</link><dc:date>2024-02-01</dc:date>
      </item>
      <item rdf:about="https://example.gov.cn/a/2.html"><title>第二条</title></item>
    </rdf:RDF>
    """

    @Test("RSS 1.0 (RDF): items beside the channel, rdf:about when there is no link")
    func rss1Items() throws {
        let feed = try FeedParser.parse(Array(Self.rss1.utf8))
        #expect(feed.format == .rdf)
        #expect(feed.title == "示例 RDF")
        #expect(feed.entries == [
            DiscoveredLink(url: "https://example.gov.cn/a/1.html", title: "第一条", updated: "2024-02-01"),
            DiscoveredLink(url: "https://example.gov.cn/a/2.html", title: "第二条"),
        ])
    }

    static let atom = """
    <?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.cn/">
      <title type="text">政策解读</title>
      <link rel="self" href="/atom.xml"/>
      <entry>
        <title type="html">&lt;em&gt;解读&lt;/em&gt;：三年行动计划</title>
        <link rel="edit" href="/api/entries/1"/>
        <link rel="alternate" type="text/html" href="posts/1.html"/>
        <id>tag:blog.example.cn,2024:1</id>
        <published>2024-03-01T08:00:00Z</published>
        <updated>2024-03-02T09:30:00Z</updated>
      </entry>
      <entry xml:base="/archive/2024/">
        <title>第二篇</title>
        <link href="two.html"/>
        <published>2024-02-01T08:00:00Z</published>
      </entry>
      <entry>
        <title>只有 id</title>
        <id>https://blog.example.cn/posts/3.html</id>
        <updated>2024-01-01T00:00:00Z</updated>
      </entry>
    </feed>
    """

    @Test("Atom: three entries, alternate links, xml:base, updated before published")
    func atomEntries() throws {
        let feed = try FeedParser.parse(Array(Self.atom.utf8), feedURL: "https://feeds.example.cn/blog")
        #expect(feed.format == .atom)
        #expect(feed.title == "政策解读")
        #expect(feed.entries == [
            DiscoveredLink(url: "https://blog.example.cn/posts/1.html", title: "解读：三年行动计划", updated: "2024-03-02T09:30:00Z"),
            DiscoveredLink(url: "https://blog.example.cn/archive/2024/two.html", title: "第二篇", updated: "2024-02-01T08:00:00Z"),
            DiscoveredLink(url: "https://blog.example.cn/posts/3.html", title: "只有 id", updated: "2024-01-01T00:00:00Z"),
        ])
    }

    /// `工信动态` and `工业经济运行良好` in GBK, and 鎔, which GBK has and GB2312 lacks.
    static let gbkFeedTitle: [UInt8] = [0xB9, 0xA4, 0xD0, 0xC5, 0xB6, 0xAF, 0xCC, 0xAC]
    static let gbkItemTitle: [UInt8] = [0xB9, 0xA4, 0xD2, 0xB5, 0xBE, 0xAD, 0xBC, 0xC3, 0xD4, 0xCB, 0xD0, 0xD0, 0xC1, 0xBC, 0xBA, 0xC3]
    static let gbkOnly: [UInt8] = [0xE6, 0x67]

    static func gbkFeed(label: String) -> [UInt8] {
        Array("<?xml version=\"1.0\" encoding=\"\(label)\"?>\n<rss version=\"2.0\"><channel><title>".utf8) + gbkFeedTitle
            + Array("</title><item><title>".utf8) + gbkItemTitle + gbkOnly
            + Array("</title><link>http://www.miit.gov.cn/n1.html</link></item></channel></rss>".utf8)
    }

    @Test("a GBK feed is decoded as its XML declaration says, gb2312 read as its superset", arguments: ["GBK", "gb2312", "GB18030"])
    func gbkFeed(label: String) throws {
        let feed = try FeedParser.parse(Self.gbkFeed(label: label))
        #expect(feed.title == "工信动态")
        #expect(feed.entries == [DiscoveredLink(url: "http://www.miit.gov.cn/n1.html", title: "工业经济运行良好鎔")])
    }

    @Test("a Big5 feed is decoded as Big5-HKSCS")
    func big5Feed() throws {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"big5\"?><rss><channel><title>".utf8)
            + [0xBB, 0x4F, 0xC6, 0x57, 0xB7, 0x73, 0xBB, 0x44] + Array("</title></channel></rss>".utf8)
        #expect(try FeedParser.parse(bytes).title == "臺灣新聞")
    }

    @Test("an undeclared namespace prefix still finds the element")
    func undeclaredPrefix() throws {
        let xml = "<rss><channel><item><link>http://a.cn/1.html</link><dc:date>2024-01-01</dc:date></item></channel></rss>"
        #expect(try FeedParser.parse(Array(xml.utf8)).entries == [DiscoveredLink(url: "http://a.cn/1.html", updated: "2024-01-01")])
    }

    @Test("a feed already decoded to a string ignores the encoding its declaration names")
    func decodedText() throws {
        let text = "<?xml version=\"1.0\" encoding=\"gbk\"?><rss><channel><title>工信动态</title></channel></rss>"
        #expect(try FeedParser.parse(text: text).title == "工信动态")
    }

    @Test("JSON Feed: items with url or external_url, dates as written")
    func jsonFeed() throws {
        let json = """
        {"version":"https://jsonfeed.org/version/1.1","title":"快讯","feed_url":"https://j.example.cn/feed.json",
         "items":[{"id":"1","url":"/n/1.html","title":"一","date_published":"2024-01-01T00:00:00+08:00"},
                  {"id":"2","external_url":"https://other.example.cn/2","title":"二","date_modified":"2024-01-02"},
                  {"id":"3","title":"无链接"}]}
        """
        let feed = try FeedParser.parse(Array(json.utf8))
        #expect(feed.format == .json)
        #expect(feed.title == "快讯")
        #expect(feed.entries == [
            DiscoveredLink(url: "https://j.example.cn/n/1.html", title: "一", updated: "2024-01-01T00:00:00+08:00"),
            DiscoveredLink(url: "https://other.example.cn/2", title: "二", updated: "2024-01-02"),
        ])
    }

    @Test("an HTML page where a feed should be is an error that says what it got")
    func htmlIsNotAFeed() {
        #expect(throws: ListingError.unexpectedDocument(expected: "an RSS or Atom feed", root: "html")) {
            _ = try FeedParser.parse(Array("<html><body><p>moved</p></body></html>".utf8))
        }
    }
}
