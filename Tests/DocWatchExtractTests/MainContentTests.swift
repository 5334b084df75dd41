import Testing

/// One test per main-content rule: each names the rule it guards.
@Suite struct MainContentTests {
    @Test func picksTheBlockWithTheArticleText() {
        let document = Fixture.extract(Fixture.newsPage())
        #expect(document.text == [Fixture.paragraph1, Fixture.paragraph2, Fixture.paragraph3].joined(separator: "\n"))
    }

    @Test func prefersTheContainerChineseCMSsMark() {
        let html = Fixture.page(body: """
        <div class="box"><p>\(Fixture.paragraph3)</p></div>
        <div class="TRS_Editor"><p>\(Fixture.paragraph1)</p></div>
        """)
        #expect(Fixture.extract(html).text == Fixture.paragraph1)
    }

    @Test func dropsTheBreadcrumb() {
        let html = Fixture.newsPage(article: "<p>当前位置：首页 &gt; 江苏 &gt; 正文</p>" + Fixture.articleParagraphs)
        #expect(!Fixture.extract(html).text.contains("当前位置"))
    }

    @Test func dropsPreviousAndNextLinks() {
        let html = Fixture.newsPage(article: Fixture.articleParagraphs + "<p>上一篇：江苏出台稳外贸措施</p><p>下一篇：南京公布示范企业</p>")
        let text = Fixture.extract(html).text
        #expect(!text.contains("上一篇") && !text.contains("下一篇"))
    }

    @Test func dropsTheShareBar() {
        let html = Fixture.newsPage(article: Fixture.articleParagraphs + "<div class=\"share\">分享到：微信 微博 QQ空间</div>")
        #expect(!Fixture.extract(html).text.contains("微博"))
    }

    @Test func dropsRelatedAndHotLists() {
        let related = "<div class=\"related\"><h3>相关新闻</h3><ul><li><a href=\"/n/1.html\">苏州工业园区一季度外资到账逆势增长</a></li><li><a href=\"/n/2.html\">无锡出台十条措施支持中小企业</a></li></ul></div>"
        let text = Fixture.extract(Fixture.newsPage(article: Fixture.articleParagraphs + related)).text
        #expect(!text.contains("相关新闻") && !text.contains("苏州工业园区"))
    }

    @Test func dropsTheDisclaimer() {
        let html = Fixture.newsPage(article: Fixture.articleParagraphs + "<p>特别声明：本文为原创，未经授权不得转载。</p>")
        #expect(!Fixture.extract(html).text.contains("特别声明"))
    }

    @Test func dropsTheEditorLine() {
        let html = Fixture.newsPage(article: Fixture.articleParagraphs + "<p>责任编辑：孙重远</p>")
        #expect(!Fixture.extract(html).text.contains("责任编辑"))
    }

    @Test(arguments: ["（责任编辑：孙重远）", "【编辑：姚昊】", "(责编：萧潇、张妍)"])
    func dropsEditorLinesInBrackets(line: String) {
        let html = Fixture.newsPage(article: Fixture.articleParagraphs + "<p>\(line)</p>")
        #expect(Fixture.extract(html).text.split(separator: "\n").count == 3)
    }

    @Test func dropsICPAndCopyrightFooters() {
        let html = Fixture.newsPage(article: Fixture.articleParagraphs + "<p>Copyright © 江苏新闻网 版权所有</p><p>苏ICP备05012345号</p>")
        let text = Fixture.extract(html).text
        #expect(!text.contains("版权所有") && !text.contains("ICP"))
    }

    @Test func keepsHeadingsListItemsAndTableRows() {
        let article = Fixture.articleParagraphs
            + "<h2>一、总体要求</h2><ul><li>到2月底，工业企业实现全面复工。</li></ul>"
            + "<table><tr><td>产业链</td><td>复工面95%</td></tr></table>"
        let lines = Fixture.extract(Fixture.newsPage(article: article)).text.split(separator: "\n").map(String.init)
        #expect(lines.contains("一、总体要求"))
        #expect(lines.contains("到2月底，工业企业实现全面复工。"))
        #expect(lines.contains("产业链 复工面95%"))
    }

    @Test func keepsTheSpaceBetweenInlineWords() {
        let article = Fixture.articleParagraphs + "<p>\(Fixture.paragraph1)<b>Made</b> <i>in</i> <a href=\"/x\">China</a></p>"
        #expect(Fixture.extract(Fixture.newsPage(article: article)).text.hasSuffix("Made in China"))
    }

    @Test func putsOneParagraphOnALine() {
        let article = "<div>\(Fixture.paragraph1)<br>\(Fixture.paragraph2)<br><br>\(Fixture.paragraph3)</div>"
        let lines = Fixture.extract(Fixture.newsPage(article: article)).text.split(separator: "\n")
        #expect(lines.count == 3)
    }

    @Test func readsPagesWrappedInOneForm() {
        let html = Fixture.page(body: "<form id=\"aspnetForm\"><div class=\"nav\"><a href=\"/\">首页</a></div><div>\(Fixture.articleParagraphs)</div></form>")
        #expect(Fixture.extract(html).text.contains(Fixture.paragraph2))
    }

    @Test func leavesOutCommentFormsInsideTheArticle() {
        let article = Fixture.articleParagraphs + "<form><p>网友评论：请遵守法律法规，文明发言，理性讨论。</p></form>"
        #expect(!Fixture.extract(Fixture.newsPage(article: article)).text.contains("网友评论"))
    }

    @Test func readsTextAfterAStrayHtmlEndTag() {
        let html = "<html><head><title>决议_中国政府网</title></head><body><div class=\"nav\"><a href=\"/\">首页</a></div></body></html>"
            + "<div class=\"pages_content\">\(Fixture.articleParagraphs)</div></body></html>"
        #expect(Fixture.extract(html).text.contains(Fixture.paragraph2))
    }

    @Test func neverReturnsAnEmptyBodyForAPageWithText() {
        let html = Fixture.page(body: "<span>通知：明天放假。</span>")
        #expect(Fixture.extract(html).text == "通知：明天放假。")
    }

    @Test func leavesTheHeadlineAndBylineOutOfTheText() {
        let html = Fixture.page(body: "<div class=\"article\"><h1>复工复产新闻发布会召开</h1><p>2020-04-15 18:06 来源：江苏新闻网</p>\(Fixture.articleParagraphs)</div>")
        let text = Fixture.extract(html).text
        #expect(!text.contains("复工复产新闻发布会召开") && !text.contains("来源"))
    }
}
