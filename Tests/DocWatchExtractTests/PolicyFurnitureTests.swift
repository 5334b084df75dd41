import Testing

/// Issue 9 item 6: a policy page's body leaves out the disclosure table and page tools, and keeps
/// its attachment list.
@Suite struct PolicyFurnitureTests {
    @Test func disclosureTableInsideTheArticleIsLeftOut() {
        let table = "<table><tr><td>索 引 号：</td><td>11220000013544357T/2022-00426</td><td>分 类：</td><td>通告</td></tr>"
            + "<tr><td>发文机关：</td><td>吉林省人民政府</td><td>成文日期：</td><td>2022年01月27日</td></tr>"
            + "<tr><td>发文字号：</td><td>吉政明电〔2022〕1号</td><td>发布日期：</td><td>2022年01月28日</td></tr></table>"
        let document = Fixture.extract(Fixture.newsPage(article: table + Fixture.articleParagraphs))
        #expect(document.text == [Fixture.paragraph1, Fixture.paragraph2, Fixture.paragraph3].joined(separator: "\n"))
        #expect(document.indexNumber == "11220000013544357T/2022-00426")
    }

    @Test(arguments: [
        "<p>【我要纠错】</p>", "<p>我要纠错</p>", "<div>【打印本页】 【关闭窗口】</div>", "<p>字体：大 中 小</p>",
        "<p>分享：微信 微博 QQ空间</p>", "<div>纠错 | 打印 | 关闭</div>", "<p>扫一扫在手机打开当前页</p>", "<p>【字体：大 中 小】【打印】</p>",
    ])
    func pageToolsAreLeftOut(tools: String) {
        let document = Fixture.extract(Fixture.newsPage(article: Fixture.articleParagraphs + tools))
        #expect(document.text == [Fixture.paragraph1, Fixture.paragraph2, Fixture.paragraph3].joined(separator: "\n"))
    }

    @Test func aSentenceStartingWithALabelWordStays() {
        let sentence = "<p>有效性评估结果显示，各项措施总体落实到位，企业满意度达到96%。</p>"
        #expect(Fixture.extract(Fixture.newsPage(article: Fixture.articleParagraphs + sentence)).text.contains("有效性评估结果显示"))
    }

    @Test func aToolWordInsideASentenceStays() {
        let sentence = "<p>市民可打印申请表后关闭窗口，再到窗口办理。</p>"
        #expect(Fixture.extract(Fixture.newsPage(article: Fixture.articleParagraphs + sentence)).text.contains("打印申请表"))
    }

    @Test(arguments: [
        ("<p>附件：<a href=\"/files/1.pdf\">1. 实施细则.pdf</a></p>", "附件：1. 实施细则.pdf"),
        ("<div class=\"fj\"><a href=\"/downfile.jsp?id=8\">2. 申报表.docx</a></div>", "2. 申报表.docx"),
        ("<ul><li><a href=\"/f/a.xlsx\">项目清单</a></li><li><a href=\"/f/b.ofd\">申请书</a></li></ul>", "项目清单\n申请书"),
    ])
    func attachmentListStays(html: String, text: String) {
        let document = Fixture.extract(Fixture.newsPage(article: Fixture.articleParagraphs + html))
        #expect(document.text.hasSuffix(text))
    }

    @Test func aListOfArticleLinksIsStillLeftOut() {
        let links = "<ul><li><a href=\"/n/1.html\">苏州工业园区一季度外资到账逆势增长</a></li><li><a href=\"/n/2.html\">无锡出台十条措施</a></li></ul>"
        #expect(!Fixture.extract(Fixture.newsPage(article: Fixture.articleParagraphs + links)).text.contains("苏州工业园区"))
    }
}
