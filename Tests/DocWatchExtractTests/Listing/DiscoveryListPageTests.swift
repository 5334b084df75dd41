import DocWatchCore
import Testing
@testable import DocWatchExtract

/// A column index of a government site: ten articles amid site furniture.
let listPageURL = "https://www.miit.gov.cn/xwdt/gxdt/index.html"
let listPage = """
<html><head><title>工信动态_工业和信息化部</title></head><body>
<div class="header"><a href="/">首页</a> <a href="/xwdt/gxdt/sjdt/index.html">司局动态</a></div>
<ul id="nav"><li><a href="/xwdt/gxdt/index.html">工信动态</a></li><li><a href="/xwdt/gxdt/zcjd/">政策解读</a></li></ul>
<div class="crumb-box">当前位置：<a href="../../index.html">首页</a> &gt; <a href="../index.html">新闻动态</a> &gt; <a href="./lm/index.html">工信动态</a></div>
<div class="list"><ul>
<li><a href="./art/2024/art_01.html">文章一</a><span>2024-01-01</span></li>
<li><a href="art/2024/art_02.html">文章二</a></li>
<li><a href="/xwdt/gxdt/art/2024/art_03.html">文章三</a></li>
<li><a href="https://WWW.MIIT.GOV.CN:443/xwdt/gxdt/art/2024/art_04.html?utm_source=wx">文章四</a></li>
<li><a href="  art/2024/art_05.html
   ">  文章
   五  </a></li>
<li><a href="art/2024/art_06.html" title="关于印发《先进制造业集群产业强链三年行动计划》的通知">关于印发《先进制造业集群…</a></li>
<li><a href="art/2024/art_07.html"><img src="a.jpg" alt="图片新闻"></a> <a href="art/2024/art_07.html">文章七</a></li>
<li><a href="art/2024/文章八.html">文章八</a></li>
<li><a href="art/2024/art_09.html#comments">文章九</a> <a href="art/2024/art_09.html">评论</a></li>
<li><a href="art\\2024\\art_10.html">文章十</a></li>
<li><a href="mailto:webmaster@miit.gov.cn">联系我们</a></li>
<li><a href="javascript:void(0)">分享</a> <a href="JavaScript:window.print();">打印</a></li>
<li><a href="#top">回到顶部</a> <a href="#">#</a> <a href="">空</a></li>
<li><a href="tel:010-68208025">电话</a></li>
<li><a href="https://www.gov.cn/zhengce/content/2024/content_1.htm">中国政府网转载</a></li>
<li><a href="../../other/art_x.html">其他栏目</a></li>
<li><a href="./tpxw/">图片新闻</a> <a href="./zt/index_1.html">专题</a> <a href="./sp/list.html">更多</a></li>
</ul></div>
<div class="pages"><a href="index.html">首页</a> <a href="index_1.html">下一页</a> <a href="index_2.html">2</a> <a href="index_5.html">尾页</a></div>
<div class="footer"><a href="/xwdt/gxdt/about.html">关于我们</a> <a href="/xwdt/gxdt/sitemap.html">网站地图</a></div>
</body></html>
"""

@Suite("Link discovery on list pages")
struct DiscoveryListPageTests {
    @Test("ten article links, in document order, without furniture, mailto, javascript, fragments or other sites")
    func tenArticles() throws {
        let links = try LinkDiscovery.articleLinks(html: listPage, pageURL: listPageURL, follow: nil)
        let prefix = "https://www.miit.gov.cn/xwdt/gxdt/art/2024/"
        #expect(links.map(\.url) == [
            "art_01.html", "art_02.html", "art_03.html", "art_04.html", "art_05.html", "art_06.html", "art_07.html",
            "%E6%96%87%E7%AB%A0%E5%85%AB.html", "art_09.html", "art_10.html",
        ].map { prefix + $0 })
    }

    @Test("titles: anchor text folded, the title attribute for a truncated text, the first text for repeats")
    func titles() throws {
        let links = try LinkDiscovery.articleLinks(html: listPage, pageURL: listPageURL, follow: nil)
        #expect(links.map(\.title) == [
            "文章一", "文章二", "文章三", "文章四", "文章 五", "关于印发《先进制造业集群产业强链三年行动计划》的通知",
            "图片新闻", "文章八", "文章九", "文章十",
        ])
    }

    @Test("a follow pattern alone decides, and may name another host")
    func followNamesOtherHost() throws {
        let links = try LinkDiscovery.articleLinks(
            html: listPage, pageURL: listPageURL, follow: #"^https://www\.gov\.cn/zhengce/.+\.htm$"#
        )
        #expect(links == [DiscoveredLink(url: "https://www.gov.cn/zhengce/content/2024/content_1.htm", title: "中国政府网转载")])
    }

    @Test("a follow pattern is searched in the canonical URL")
    func followSearchesCanonicalURL() throws {
        let links = try LinkDiscovery.articleLinks(html: listPage, pageURL: listPageURL, follow: #"art_0[1-4]\.html$"#)
        #expect(links.count == 4)
        #expect(links.last?.url == "https://www.miit.gov.cn/xwdt/gxdt/art/2024/art_04.html")
    }

    @Test("a bad follow pattern is an error that names it")
    func badFollowPattern() {
        #expect {
            _ = try LinkDiscovery.articleLinks(html: listPage, pageURL: listPageURL, follow: "art_([0-9]+.html")
        } throws: { error in
            guard let error = error as? ListingError, case .invalidFollowPattern(let pattern, _) = error else { return false }
            return pattern == "art_([0-9]+.html" && error.description == "invalid follow pattern 'art_([0-9]+.html': expected ')'"
        }
    }

    @Test("a page URL that is not absolute http(s) is an error")
    func badPageURL() {
        #expect(throws: ListingError.invalidBaseURL("index.html")) {
            _ = try LinkDiscovery.articleLinks(html: listPage, pageURL: "index.html", follow: nil)
        }
    }

    struct Resolution: CustomTestStringConvertible, Sendable {
        let name: String
        let head: String
        let href: String
        let expected: String?
        var testDescription: String { name }
    }

    static let resolutions: [Resolution] = [
        .init(name: "relative to the page", head: "", href: "./a.html", expected: "https://www.miit.gov.cn/xwdt/gxdt/a.html"),
        .init(name: "parent directory", head: "", href: "../../b.html", expected: "https://www.miit.gov.cn/b.html"),
        .init(name: "root relative", head: "", href: "/c/d.html", expected: "https://www.miit.gov.cn/c/d.html"),
        .init(name: "scheme relative", head: "", href: "//www.gov.cn/e.html", expected: "https://www.gov.cn/e.html"),
        .init(name: "absolute base", head: #"<base href="http://static.miit.gov.cn/root/">"#, href: "f.html",
              expected: "http://static.miit.gov.cn/root/f.html"),
        .init(name: "relative base", head: #"<base href="/other/">"#, href: "g.html", expected: "https://www.miit.gov.cn/other/g.html"),
        .init(name: "base with no href", head: #"<base target="_blank">"#, href: "h.html",
              expected: "https://www.miit.gov.cn/xwdt/gxdt/h.html"),
        .init(name: "spaces and Chinese encoded", head: "", href: "附件 1.html",
              expected: "https://www.miit.gov.cn/xwdt/gxdt/%E9%99%84%E4%BB%B6%201.html"),
        .init(name: "escapes kept, stray percent encoded", head: "", href: "a%20b%zz.html",
              expected: "https://www.miit.gov.cn/xwdt/gxdt/a%20b%25zz.html"),
        .init(name: "tracking parameters and fragment dropped", head: "", href: "i.html?id=3&utm_medium=x&spm=1.2#p2",
              expected: "https://www.miit.gov.cn/xwdt/gxdt/i.html?id=3"),
        .init(name: "mailto", head: "", href: "mailto:a@b.cn", expected: nil),
        .init(name: "javascript", head: "", href: " javascript:openWin('x.html')", expected: nil),
        .init(name: "tel", head: "", href: "tel:12345", expected: nil),
        .init(name: "data", head: "", href: "data:text/html,hi", expected: nil),
        .init(name: "ftp", head: "", href: "ftp://ftp.miit.gov.cn/x.html", expected: nil),
        .init(name: "fragment only", head: "", href: "#section", expected: nil),
        .init(name: "empty", head: "", href: "  ", expected: nil),
    ]

    @Test("relative URLs resolve against <base href> and the page URL", arguments: resolutions)
    func resolution(_ example: Resolution) throws {
        let html = "<html><head>\(example.head)</head><body><a href=\"\(example.href)\">x</a></body></html>"
        let links = try LinkDiscovery.articleLinks(html: html, pageURL: listPageURL, follow: ".")
        #expect(links.map(\.url) == (example.expected.map { [$0] } ?? []))
    }
}
