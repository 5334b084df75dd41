import DocWatchCore
import Testing
@testable import DocWatchExtract

/// List pages laid out the ways Chinese government sites lay them out, read with no `follow`.
@Suite("Listing entry point: list page layouts")
struct ListingListPageTests {
    struct Layout: CustomTestStringConvertible, Sendable {
        let name: String
        let url: String
        let html: String
        /// Expected link paths, in order.
        let paths: [String]
        /// The date of the first link.
        let firstDate: String?
        var testDescription: String { name }
    }

    static let nav = """
        <div class="nav"><a href="/col/col1/index.html">首页</a><a href="/art/2024/1/1/art_9_9.html">机构职能</a></div>
        <div class="hot"><a href="/art/2023/5/5/art_7_7.html">热点专题：营商环境</a><a href="/zt/index.html">专题</a></div>
        """

    static let layouts: [Layout] = [
        .init(
            name: "ul/li with dates in spans, articles under /art/ outside the column folder",
            url: "https://gxt.jiangsu.gov.cn/col/col6278/index.html",
            html: "<html><body>\(nav)<ul class=\"list\">"
                + (1...5).map { "<li><a href=\"/art/2024/7/\($0)/art_6278_\($0).html\">动态\($0)</a><span>2024-07-0\($0)</span></li>" }.joined()
                + "</ul></body></html>",
            paths: (1...5).map { "/art/2024/7/\($0)/art_6278_\($0).html" }, firstDate: "2024-07-01"),
        .init(
            name: "table rows with a date cell",
            url: "https://www.zj.gov.cn/col/col1229019364/index.html",
            html: "<html><body>\(nav)<table class=\"tb\">"
                + (1...4).map { "<tr><td><a href=\"/art/2024/8/\($0)/art_1229019364_\($0).html\">通知\($0)</a></td><td>2024年8月\($0)日</td></tr>" }.joined()
                + "</table></body></html>",
            paths: (1...4).map { "/art/2024/8/\($0)/art_1229019364_\($0).html" }, firstDate: "2024-08-01"),
        .init(
            name: "one list printed in groups of five, same class",
            url: "https://www.miit.gov.cn/xwdt/gxdt/index.html",
            html: "<html><body>\(nav)<div class=\"main\">"
                + (0..<2).map { group in
                    "<ul class=\"news\">" + (1...5).map { "<li><a href=\"/xwdt/gxdt/sjdt/art/2024/art_\(group)\($0).html\">新闻\(group)\($0)</a> (2024-06-1\($0))</li>" }.joined() + "</ul>"
                }.joined()
                + "<ul class=\"side\"><li><a href=\"/other/a.html\">其他</a><span>2024-01-01</span></li></ul></div></body></html>",
            paths: (0..<2).flatMap { group in (1...5).map { "/xwdt/gxdt/sjdt/art/2024/art_\(group)\($0).html" } },
            firstDate: "2024-06-11"),
        .init(
            name: "jpage records in a script: only the records, titles from the record",
            url: "https://gxt.jiangsu.gov.cn/col/col6278/index.html",
            html: ListingFixtures.hanwebColumn(records: [
                ("/art/2024/7/30/art_6278_11830771.html", "省工信厅召开专题会议", "2024-07-30"),
                ("/art/2024/7/29/art_6278_11830001.html", "全省制造业智能化改造", "2024-07-29"),
            ], nextGroup: nil),
            paths: ["/art/2024/7/30/art_6278_11830771.html", "/art/2024/7/29/art_6278_11830001.html"], firstDate: "2024-07-30"),
        .init(
            name: "month-day dates only ([07-30]): still the main list, no date given",
            url: "https://www.hangzhou.gov.cn/col/col1229063379/index.html",
            html: "<html><body>\(nav)<div class=\"lb\">"
                + (1...3).map { "<p><a href=\"/art/2024/7/\($0)/art_1229063379_\($0).html\">公告\($0)</a> [07-0\($0)]</p>" }.joined()
                + "</div></body></html>",
            paths: (1...3).map { "/art/2024/7/\($0)/art_1229063379_\($0).html" }, firstDate: nil),
        .init(
            name: "no dated list: the links below the page's folder, as before",
            url: "https://www.gd.gov.cn/zwgk/index.html",
            html: "<html><body>\(nav)<div><a href=\"a1.html\">文一</a><a href=\"sub/a2.html\">文二</a><a href=\"/elsewhere/a3.html\">别处</a></div></body></html>",
            paths: ["/zwgk/a1.html", "/zwgk/sub/a2.html"], firstDate: nil),
    ]

    @Test("the main list's links, not navigation, wherever on the site they live", arguments: layouts)
    func mainList(_ layout: Layout) throws {
        let listing = try ListingFixtures.read(.list, layout.html, url: layout.url)
        let host = try #require(LinkResolver.base(layout.url)?.host)
        #expect(listing.links.map(\.url) == layout.paths.map { "https://\(host)\($0)" })
        #expect(listing.links.first?.published == layout.firstDate)
        #expect(listing.links.allSatisfy { $0.title != nil })
    }

    @Test("a jpage record keeps its title and date")
    func recordTitle() throws {
        let html = ListingFixtures.hanwebColumn(records: [("/art/2024/7/30/art_6278_1.html", "关于印发《方案》的通知", "2024-07-30")], nextGroup: nil)
        let listing = try ListingFixtures.read(.list, html, url: "https://gxt.jiangsu.gov.cn/col/col6278/index.html")
        #expect(listing.links == [DiscoveredLink(url: "https://gxt.jiangsu.gov.cn/art/2024/7/30/art_6278_1.html",
                                                 title: "关于印发《方案》的通知", published: "2024-07-30")])
    }

    @Test("follow alone decides, over records and markup alike (furniture still ignored)")
    func followDecides() throws {
        let html = ListingFixtures.hanwebColumn(records: [("/art/2024/7/30/art_6278_1.html", "一", "2024-07-30")], nextGroup: nil)
        let listing = try ListingFixtures.read(.list, html, url: "https://gxt.jiangsu.gov.cn/col/col6278/index.html", follow: "/art/20(19|24)/")
        #expect(listing.links.map(\.url) == [
            "https://gxt.jiangsu.gov.cn/art/2024/7/1/art_6200_1.html", "https://gxt.jiangsu.gov.cn/art/2024/7/30/art_6278_1.html",
        ])
    }

    @Test("a page of unclosed and repeated datastores is read in one pass, keeping the closed records")
    func hostileDatastores() throws {
        let closed = ListingFixtures.hanwebColumn(records: [("/art/2024/7/30/art_6278_1.html", "一", "2024-07-30")], nextGroup: nil)
        let junk = String(repeating: "<datastore><nextgroup><recordset><record >", count: 20_000)
        let listing = try ListingFixtures.read(.list, closed + junk, url: "https://gxt.jiangsu.gov.cn/col/col6278/index.html")
        #expect(listing.links.map(\.url) == ["https://gxt.jiangsu.gov.cn/art/2024/7/30/art_6278_1.html"])
    }

    struct NextCase: CustomTestStringConvertible, Sendable {
        let name: String
        let url: String
        let html: String
        let next: String?
        var testDescription: String { name }
    }

    static let proxy = "/module/web/jpage/dataproxy.jsp?page=1&webid=1&path=/&columnid=6278&unitid=12345&permissiontype=0"
    static let record = [("/art/2024/7/30/art_6278_1.html", "一", "2024-07-30")]
    static let nextCases: [NextCase] = [
        .init(name: "jpage: the next group its datastore names", url: "https://gxt.jiangsu.gov.cn/col/col6278/index.html",
              html: ListingFixtures.hanwebColumn(records: record, nextGroup: proxy.replacingOccurrences(of: "&", with: "&amp;")),
              next: "https://gxt.jiangsu.gov.cn" + proxy),
        .init(name: "jpage: a datastore without a next group is the last", url: "https://gxt.jiangsu.gov.cn/col/col6278/index.html",
              html: ListingFixtures.hanwebColumn(records: record, nextGroup: nil), next: nil),
        .init(name: "jpage: a data proxy answer read as a list page", url: "https://gxt.jiangsu.gov.cn" + proxy,
              html: ListingFixtures.hanwebGroup(records: record, nextGroup: "/module/web/jpage/dataproxy.jsp?page=2&columnid=6278"),
              next: "https://gxt.jiangsu.gov.cn/module/web/jpage/dataproxy.jsp?page=2&columnid=6278"),
        .init(name: "TRS createPageHTML on the first page", url: "https://www.miit.gov.cn/xwdt/gxdt/index.html",
              html: "<ul class=l>\(dated)</ul><script>createPageHTML(5, 0, \"index\", \"html\");</script>",
              next: "https://www.miit.gov.cn/xwdt/gxdt/index_1.html"),
        .init(name: "TRS createPageHTML with a container id and record count", url: "https://www.nea.gov.cn/xwzx/index_2.htm",
              html: "<ul class=l>\(dated)</ul><script>createPageHTML('page_div',7, 2,'index','htm',98);</script>",
              next: "https://www.nea.gov.cn/xwzx/index_3.htm"),
        .init(name: "TRS createPageHTML on the last page", url: "https://www.miit.gov.cn/xwdt/gxdt/index_4.html",
              html: "<ul class=l>\(dated)</ul><script>createPageHTML(5, 4, \"index\", \"html\");</script>", next: nil),
    ]
    static let dated = (1...3).map { "<li><a href=\"art/a\($0).html\">文\($0)</a><span>2024-01-0\($0)</span></li>" }.joined()

    @Test("pages = N: the next page or group a page names", arguments: nextCases)
    func nextPage(_ example: NextCase) throws {
        let listing = try ListingFixtures.read(.list, example.html, url: example.url)
        #expect(listing.nextPage == example.next)
        #expect(!listing.links.isEmpty)
    }
}
