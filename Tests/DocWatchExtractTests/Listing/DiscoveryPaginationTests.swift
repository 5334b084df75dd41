import Testing
@testable import DocWatchExtract

@Suite("Next page of a list")
struct DiscoveryPaginationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let page: String
        let body: String
        let next: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        .init(name: "下一页 link", page: "https://www.gd.gov.cn/zwgk/index.html",
              body: #"<div class="page"><a href="index.html">首页</a><a href="index_1.html">下一页</a><a href="index_9.html">尾页</a></div>"#,
              next: "https://www.gd.gov.cn/zwgk/index_1.html"),
        .init(name: "下页 link", page: "https://www.gd.gov.cn/zwgk/index_3.html",
              body: #"<a href="index_2.html">上页</a> <a href="index_4.html">下页</a>"#, next: "https://www.gd.gov.cn/zwgk/index_4.html"),
        .init(name: "decorated 下一页", page: "https://www.gd.gov.cn/zwgk/list.jsp?p=1",
              body: #"<a href="list.jsp?p=2"> [下一页&gt;&gt;] </a>"#, next: "https://www.gd.gov.cn/zwgk/list.jsp?p=2"),
        .init(name: "next in English", page: "https://news.example.cn/world/",
              body: #"<a href="?page=2">Next &raquo;</a>"#, next: "https://news.example.cn/world/?page=2"),
        .init(name: "> arrow", page: "https://news.example.cn/world/",
              body: #"<a href="p1.html">&lt;</a> <a href="p3.html">&gt;</a>"#, next: "https://news.example.cn/world/p3.html"),
        .init(name: "image button", page: "https://www.gd.gov.cn/zwgk/index_2.html",
              body: #"<a href="index_3.html"><img src="next.gif" alt="下一页"></a>"#, next: "https://www.gd.gov.cn/zwgk/index_3.html"),
        .init(name: "rel=next", page: "https://news.example.cn/world/",
              body: #"<link rel="next" href="/world/page/2/"><a href="x">更多</a>"#, next: "https://news.example.cn/world/page/2/"),
        .init(name: "pager drawn by a script: index.html guessed", page: "https://www.miit.gov.cn/xwdt/gxdt/index.html",
              body: "<ul><li>首页 &gt; 新闻</li></ul>", next: "https://www.miit.gov.cn/xwdt/gxdt/index_1.html"),
        .init(name: "pager drawn by a script: index_4.shtml guessed", page: "https://www.sh.gov.cn/xwzx/index_4.shtml",
              body: "<p>list</p>", next: "https://www.sh.gov.cn/xwzx/index_5.shtml"),
        .init(name: "pager drawn by a script: directory guessed", page: "https://www.sh.gov.cn/xwzx/",
              body: "<p>list</p>", next: "https://www.sh.gov.cn/xwzx/index_1.html"),
        .init(name: "last page: 下一页 as plain text", page: "https://www.gd.gov.cn/zwgk/index_9.html",
              body: #"<a href="index_8.html">上一页</a> <span>下一页</span>"#, next: nil),
        .init(name: "last page: 下一页 going nowhere", page: "https://www.gd.gov.cn/zwgk/index_9.html",
              body: #"<a href="javascript:void(0)">下一页</a>"#, next: nil),
        .init(name: "last page: 下一页 linking to itself", page: "https://www.gd.gov.cn/zwgk/index_9.html",
              body: #"<a href="index_9.html">下一页</a>"#, next: nil),
        .init(name: "no pager and no index name", page: "https://www.gd.gov.cn/zwgk/list.jsp",
              body: "<p>list</p>", next: nil),
    ]

    @Test("the next page comes from its link or the index_N.html scheme", arguments: cases)
    func nextPage(_ example: Case) {
        let html = "<html><head></head><body>\(example.body)</body></html>"
        #expect(LinkDiscovery.nextPageURL(html: html, pageURL: example.page) == example.next)
    }
}
