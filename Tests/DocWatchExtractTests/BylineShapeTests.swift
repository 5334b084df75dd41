import Testing

/// Issue 9 item 7: bylines in the text and meta tags of news, blog and forum pages, by shape.
@Suite struct BylineShapeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        var byline = ""
        var lead = ""
        var head = ""
        let authors: [String]
        var testDescription: String { name }
    }

    static let prose = Fixture.paragraph1

    @Test(arguments: [
        Case(name: "Xinhua dateline opening a paragraph", lead: "据新华社拉萨电（记者 格桑边觉）" + prose, authors: ["格桑边觉"]),
        Case(name: "dateline with date and two glued names", lead: "新华社北京8月6日电（记者张三、李四）" + prose, authors: ["张三", "李四"]),
        Case(name: "dateline ending in 整合", lead: "长江网10月4日讯（记者陈智 整合） 国庆中秋长假过半，" + prose, authors: ["陈智"]),
        Case(name: "本报讯 with reporter and correspondent", lead: "本报南京4月15日讯（记者 杨艺 通讯员 王伟）" + prose, authors: ["杨艺", "王伟"]),
        Case(name: "dateline alone on its line", lead: "据新华社拉萨电（记者 格桑边觉）", authors: ["格桑边觉"]),
        Case(name: "本报记者 with two names glued and 发自", lead: "本报记者罗科苏盈发自北京", authors: ["罗科", "苏盈"]),
        Case(name: "本报记者 lead opening a paragraph", lead: "本报记者罗科苏盈发自北京　日前，" + prose, authors: ["罗科", "苏盈"]),
        Case(name: "本报记者 with spaced names", lead: "本报记者 罗科 苏盈 发自北京", authors: ["罗科", "苏盈"]),
        Case(name: "outlet reporter name /文", lead: "河南商报记者马俊峰/文", authors: ["马俊峰"]),
        Case(name: "outlet reporter /文 opening a paragraph", lead: "河南商报记者 马俊峰/文 昨日，" + prose, authors: ["马俊峰"]),
        Case(name: "meta author of a person", head: #"<meta name="author" content="李楠">"#, authors: ["李楠"]),
        Case(name: "forum 作者 nickname", byline: "<span>作者：芊草凡凡</span> <span>发表于 2005-5-7 21:23</span>", authors: ["芊草凡凡"]),
        Case(name: "forum 楼主 Latin nickname", byline: "<span>楼主：ggjjzhzz</span>", authors: ["ggjjzhzz"]),
        Case(name: "forum nickname joined by & in a link", byline: "作者： <a href=\"/u?id=3\">放飞&amp;心情</a>", authors: ["放飞&心情"]),
        Case(name: "two people joined by &", byline: "<span>作者：张伟&amp;李娜</span>", authors: ["张伟", "李娜"]),
        Case(name: "forum 本贴由 poster", byline: "本贴由大卫于2005年8月12日16:12:21在【心情驿站】发表", authors: ["大卫"]),
        Case(name: "forum 本帖由 poster in a link", byline: "本帖由 <a href=\"/u/9\">ggjjzhzz</a> 于 2005-9-15 11:46 发表", authors: ["ggjjzhzz"]),
    ])
    func authorsOfEachShape(shape: Case) {
        let article = shape.lead.isEmpty ? Fixture.articleParagraphs : "<p>\(shape.lead)</p>" + Fixture.articleParagraphs
        let document = Fixture.extract(Fixture.newsPage(byline: shape.byline, article: article, head: shape.head))
        #expect(document.authors == shape.authors)
    }

    @Test(arguments: [
        Case(name: "责任编辑 is the editor", byline: "<span>责任编辑：张伟</span>", authors: []),
        Case(name: "editor in brackets under the text", lead: "（责任编辑：王敏）", authors: []),
        Case(name: "记者 followed by a verb", lead: "记者从会上获悉，" + prose, authors: []),
        Case(name: "记者了解到 alone", lead: "记者了解到", authors: []),
        Case(name: "dateline without a reporter", lead: "新华社北京8月6日电 国家统计局今天发布数据，" + prose, authors: []),
        Case(name: "meta author of an outlet", head: #"<meta name="author" content="www.yunnan.cn,云南日报报业集团,云南网">"#, authors: []),
        Case(name: "anonymous 作者", byline: "<span>作者：佚名</span>", authors: []),
        Case(name: "last editor of a forum post", byline: "本帖最后由 大卫 于 2005-8-12 16:12 编辑", authors: []),
        Case(name: "quoted post", byline: "原帖由 大卫 于 2005-8-12 16:12 发表", authors: []),
        Case(name: "an office as 作者", byline: "<span>作者：医技药剂党支部</span>", authors: []),
        Case(name: "a compiler as 作者", byline: "<span>作者：网络整理</span>", authors: []),
        Case(name: "photo credit after 记者", lead: "新华社记者廖宇杰摄", authors: []),
    ])
    func notAnAuthor(shape: Case) {
        let article = shape.lead.isEmpty ? Fixture.articleParagraphs : "<p>\(shape.lead)</p>" + Fixture.articleParagraphs
        #expect(Fixture.extract(Fixture.newsPage(byline: shape.byline, article: article, head: shape.head)).authors == shape.authors)
    }

    @Test func pageToolsInBracketsUnderTheTextAreNoAuthors() {
        let document = Fixture.extract(Fixture.newsPage(after: "<div>【打印本页】 【关闭窗口】</div>"))
        #expect(document.authors.isEmpty)
    }

    @Test func forumPosterLineGivesTheDate() {
        let document = Fixture.extract(Fixture.newsPage(byline: "本贴由大卫于2005年8月12日16:12:21在【心情驿站】发表"))
        #expect(document.published == "2005-08-12T16:12:21+08:00")
    }

    @Test func datelineOpeningAParagraphStaysInTheText() {
        let lead = "据新华社拉萨电（记者 格桑边觉）" + Self.prose
        let document = Fixture.extract(Fixture.newsPage(article: "<p>\(lead)</p>" + Fixture.articleParagraphs))
        #expect(document.text.hasPrefix(lead))
    }
}
