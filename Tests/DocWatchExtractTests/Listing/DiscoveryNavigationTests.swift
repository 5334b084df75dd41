import Testing
@testable import DocWatchExtract

@Suite("Link discovery ignores site furniture")
struct DiscoveryNavigationTests {
    struct Block: CustomTestStringConvertible, Sendable {
        let name: String
        let html: String
        let kept: Bool
        var testDescription: String { name }
    }

    static let article = #"<a href="art/t1.html">一篇文章的标题</a>"#

    static let blocks: [Block] = [
        .init(name: "nav element", html: "<nav>\(article)</nav>", kept: false),
        .init(name: "header element", html: "<header><div>\(article)</div></header>", kept: false),
        .init(name: "footer element", html: "<footer>\(article)</footer>", kept: false),
        .init(name: "menu class", html: #"<ul class="main-menu"><li>\#(article)</li></ul>"#, kept: false),
        .init(name: "topnav id", html: #"<div id="topnav">\#(article)</div>"#, kept: false),
        .init(name: "navigation role", html: #"<div role="navigation">\#(article)</div>"#, kept: false),
        .init(name: "breadcrumb class", html: #"<ol class="breadcrumb">\#(article)</ol>"#, kept: false),
        .init(name: "当前位置 block", html: "<div class=\"w1200\"><span>当前位置：</span>\(article) &gt; 正文</div>", kept: false),
        .init(name: "您现在的位置 block", html: "<td>您现在的位置：\(article)</td>", kept: false),
        .init(name: "pager class", html: #"<div class="pagination">\#(article)</div>"#, kept: false),
        .init(name: "footer class", html: #"<div class="site_footer">\#(article)</div>"#, kept: false),
        .init(name: "plain list", html: #"<div class="news-list"><ul><li>\#(article)</li></ul></div>"#, kept: true),
        .init(name: "an article's own header", html: "<article><header><h2>\(article)</h2></header><p>摘要</p></article>", kept: true),
        .init(name: "hinted wrapper around the headline", html: #"<div class="post_header"><h1>标题</h1><ul><li>\#(article)</li></ul></div>"#,
              kept: true),
        .init(name: "pinned item", html: #"<ul><li class="top">\#(article)</li></ul>"#, kept: true),
        .init(name: "long block mentioning 当前位置", html: "<div><p>当前位置：首页</p><ul><li>\(article)</li></ul><p>"
            + String(repeating: "正文内容很长。", count: 40) + "</p></div>", kept: true),
    ]

    @Test("links inside navigation blocks are not articles", arguments: blocks)
    func furniture(_ block: Block) throws {
        let html = "<html><body>\(block.html)</body></html>"
        let links = try LinkDiscovery.articleLinks(html: html, pageURL: "https://www.gd.gov.cn/zwgk/index.html", follow: nil)
        #expect(links.map(\.url) == (block.kept ? ["https://www.gd.gov.cn/zwgk/art/t1.html"] : []))
    }

    @Test("pager links are not articles, even when follow matches them")
    func pagerLinks() throws {
        let html = """
        <div><a href="art/t1.html">文章</a> <a href="index_1.html">下一页</a> <a href="list_9.html">9</a>
        <a href="list_10.html">[末页]</a> <a href="t2.html">next &raquo;</a> <a href="./">本栏目</a> <a href="index_7.html">七</a></div>
        """
        let links = try LinkDiscovery.articleLinks(html: html, pageURL: "https://www.gd.gov.cn/zwgk/index.html", follow: "html$")
        #expect(links.map(\.url) == ["https://www.gd.gov.cn/zwgk/art/t1.html"])
    }
}
