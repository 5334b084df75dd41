import DocWatchCore
import DocWatchTestSupport
import Foundation
import Testing

/// List pages, feeds and sitemaps: every new article once, nothing for navigation or the listings.
@Suite("End to end: lists, feeds and sitemaps", .serialized)
struct ListingEndToEndTests {
    static func listPage(articles: Int, offsite: String) -> String {
        let items = (1...articles).map { "<li><a href=\"art_\($0).html\">工信动态第\($0)条</a><span>2020-04-\(10 + $0 % 10)</span></li>" }
        return """
            <html><head><meta charset="utf-8"><title>工信动态_工业和信息化部</title></head><body>
            <div class="nav"><a href="/">首页</a><a href="/about.html">机构</a><a href="/news/index.html">工信动态</a></div>
            <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/news/index.html">工信动态</a></div>
            <ul class="list">\(items.joined(separator: "\n"))</ul>
            <div class="links"><a href="\(offsite)">友情链接</a><a href="mailto:web@example.gov.cn">联系我们</a>
            <a href="javascript:void(0)">打印</a><a href="#top">顶部</a></div>
            </body></html>
            """
    }

    static func article(_ title: String) -> String {
        Fixtures.article(title: title, site: "工业和信息化部", paragraphs: ["\(title)的正文，推动制造业复工复产。", "第二段内容，关于产业链供应链。"], charset: "utf-8")
    }

    static func serveArticles(_ server: TestHTTPServer, count: Int) {
        for n in 1...count { server.page(path: "/news/art_\(n).html", body: article("列表文章\(n)"), etag: "\"n\(n)\"") }
        for n in 1...4 { server.page(path: "/feed/item_\(n).html", body: article("订阅文章\(n)"), etag: "\"f\(n)\"") }
        for n in 1...3 { server.page(path: "/atom/entry_\(n).html", body: article("Atom文章\(n)"), etag: "\"a\(n)\"") }
        for n in 1...3 { server.page(path: "/sm/doc_\(n).html", body: article("站点地图文章\(n)"), etag: "\"s\(n)\"") }
        server.page(path: "/sm/about.html", body: article("关于我们"), etag: "\"about\"")
    }

    static func feeds(_ server: TestHTTPServer, trap: String) {
        let rssItems = (1...4).map { "<item><title>订阅文章\($0)</title><link>\(server.url("/feed/item_\($0).html"))</link><pubDate>Wed, 15 Apr 2020 10:0\($0):00 +0800</pubDate></item>" }
        server.set(path: "/rss.xml", headers: ["Content-Type": "application/rss+xml"], body: """
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE rss [<!ENTITY trap SYSTEM "\(trap)">]>
            <rss version="2.0"><channel><title>新闻&trap;</title><link>\(server.url("/"))</link>
            \(rssItems.joined(separator: "\n"))
            </channel></rss>
            """)
        let entries = (1...3).map { "<entry><title>Atom文章\($0)</title><link href=\"/atom/entry_\($0).html\"/><id>urn:e:\($0)</id><updated>2020-04-1\($0)T08:00:00Z</updated></entry>" }
        server.set(path: "/atom.xml", headers: ["Content-Type": "application/atom+xml"], body: """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="\(server.url("/"))"><title>动态</title><id>urn:f</id><updated>2020-04-13T08:00:00Z</updated>
            \(entries.joined(separator: "\n"))
            </feed>
            """)
        let urls = (1...3).map { "<url><loc>\(server.url("/sm/doc_\($0).html"))</loc><lastmod>2020-04-1\($0)</lastmod></url>" }
        server.set(path: "/sitemap.xml", headers: ["Content-Type": "application/xml"], body: """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            \(urls.joined(separator: "\n"))
            <url><loc>\(server.url("/sm/about.html"))</loc></url>
            </urlset>
            """)
    }

    @Test("one fetch: one document.new per article, none for navigation, listings or feeds; then exactly the one new link")
    func discoverAndFetchOnce() async throws {
        let server = try await TestHTTPServer.start()
        let elsewhere = try await TestHTTPServer.start()
        defer { Task { await server.stop(); await elsewhere.stop() } }
        elsewhere.set(path: "/offsite.html", body: Self.article("站外文章"))
        elsewhere.set(path: "/xxe", body: "SECRET")
        Self.serveArticles(server, count: 11)
        server.set(path: "/news/index.html", body: Self.listPage(articles: 10, offsite: elsewhere.url("/offsite.html")))
        Self.feeds(server, trap: elsewhere.url("/xxe"))
        let space = try Workspace()
        try space.writeConfig(sources: """
            [[source]]
            id = "list"
            url = "\(server.url("/news/index.html"))"
            kind = "list"

            [[source]]
            id = "rss"
            url = "\(server.url("/rss.xml"))"
            kind = "feed"

            [[source]]
            id = "atom"
            url = "\(server.url("/atom.xml"))"
            kind = "feed"

            [[source]]
            id = "sitemap"
            url = "\(server.url("/sitemap.xml"))"
            kind = "sitemap"
            follow = '/sm/doc_[0-9]+\\.html$'
            """)
        let first = try await space.run(["fetch"])
        #expect(first.status == 0, "\(first.stderr)")
        let events = try space.events()
        #expect(events.allSatisfy { $0.type == .documentNew })
        let titles = events.compactMap(\.title)
        let expected = (1...10).map { "列表文章\($0)" } + (1...4).map { "订阅文章\($0)" } + (1...3).map { "Atom文章\($0)" } + (1...3).map { "站点地图文章\($0)" }
        #expect(titles.sorted() == expected.sorted())
        #expect(elsewhere.requests.isEmpty, "the off-site link and the external entity are never requested")
        #expect(server.requests(to: "/sm/about.html").isEmpty && server.requests(to: "/about.html").isEmpty)

        // One more article on the list: exactly that one is new, the known ones are not downloaded again.
        server.set(path: "/news/index.html", body: Self.listPage(articles: 11, offsite: elsewhere.url("/offsite.html")))
        server.resetRecords()
        let second = try await space.run(["fetch"])
        #expect(second.status == 0, "\(second.stderr)")
        let newer = try space.events().dropFirst(events.count)
        #expect(newer.map(\.title) == ["列表文章11"])
        #expect((1...10).allSatisfy { server.requests(to: "/news/art_\($0).html").isEmpty })
        #expect(elsewhere.requests.isEmpty)

        let sources = try Workspace.jsonLines(try await space.run(["sources", "--json"]).stdout)
        let list = try #require(sources.first { $0["id"] as? String == "list" })
        #expect(list["documents"] as? Int == 11)
        #expect(list["last_new_title"] as? String == "列表文章11")
    }

    @Test("max_new takes that many new articles a poll; the rest come with the next")
    func maxNew() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        Self.serveArticles(server, count: 10)
        // With an ETag, as real servers send: the waiting links must not be stranded behind a 304.
        server.page(path: "/news/index.html", body: Self.listPage(articles: 10, offsite: "https://elsewhere.example/"), etag: "\"list\"")
        let space = try Workspace()
        try space.writeConfig(sources: "[[source]]\nid = \"list\"\nurl = \"\(server.url("/news/index.html"))\"\nkind = \"list\"\nmax_new = 4\n")
        for expected in [4, 8, 10, 10] {
            #expect(try await space.run(["fetch"]).status == 0)
            #expect(try space.events().count == expected)
        }
    }

    @Test("a broken feed fails its source with a line that says what is wrong")
    func brokenFeed() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        server.set(path: "/rss.xml", body: "<rss><channel><title>坏</titel></channel></rss>")
        let space = try Workspace()
        try space.writeConfig(sources: "[[source]]\nid = \"rss\"\nurl = \"\(server.url("/rss.xml"))\"\nkind = \"feed\"\n")
        let result = try await space.run(["fetch"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("docwatch: source rss: malformed XML at line 1"))
    }
}
