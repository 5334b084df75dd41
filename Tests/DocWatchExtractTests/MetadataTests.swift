import Testing

/// One test per metadata rule, strongest evidence first.
@Suite struct MetadataTests {
    @Test func governmentMetaTagsWin() {
        let head = """
        <meta name="ArticleTitle" content="关于印发行动计划的通知"><meta name="PubDate" content="2020-04-13 09:30">
        <meta name="ContentSource" content="市经信局"><meta name="SiteName" content="宁波市人民政府">
        """
        let document = Fixture.extract(Fixture.page(head: head, body: "<div>\(Fixture.articleParagraphs)</div><p>2019-01-01</p>"))
        #expect(document.title == "关于印发行动计划的通知")
        #expect(document.published == "2020-04-13T09:30:00+08:00")
        #expect(document.source == "市经信局")
        #expect(document.siteName == "宁波市人民政府")
    }

    @Test func disclosureTableGivesTheDateAndIssuerNotAnAuthor() {
        let table = "<table><tr><td>发文机关：</td><td>吉林省人民政府</td><td>发布日期：</td><td>2022-01-27</td></tr></table>"
        let html = Fixture.page(body: table + "<div>\(Fixture.articleParagraphs)</div>")
        let document = Fixture.extract(html)
        #expect(document.published == "2022-01-27")
        #expect(document.issuer == "吉林省人民政府")
        #expect(document.authors.isEmpty)
    }

    @Test func disclosureTablePublicationDateIsPublishedAndItsWrittenDateIsWritten() {
        let table = "<table><tr><td>成文日期：</td><td>2022年01月27日</td></tr><tr><td>发布日期：</td><td>2022年01月28日</td></tr></table>"
        let html = Fixture.page(head: #"<meta name="PubDate" content="2022-01-28 00:00:00">"#, body: table + "<div>\(Fixture.articleParagraphs)</div>")
        let document = Fixture.extract(html)
        #expect(document.published == "2022-01-28")
        #expect(document.written == "2022-01-27")
    }

    @Test func jsonLinkedDataGivesTheDateAndAuthor() {
        let head = #"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-04-15T18:06:00+08:00","author":{"@type":"Person","name":"杨艺"}}</script>"#
        let document = Fixture.extract(Fixture.page(head: head, body: "<div>\(Fixture.articleParagraphs)</div>"))
        #expect(document.published == "2020-04-15T18:06:00+08:00")
        #expect(document.authors == ["杨艺"])
    }

    @Test func openGraphGivesTheTitleWhenNoHeadingAgrees() {
        let head = #"<meta property="og:title" content="复工复产按下播放键"><meta property="og:site_name" content="江苏新闻网">"#
        let document = Fixture.extract(Fixture.page(title: "首页", head: head, body: "<div>\(Fixture.articleParagraphs)</div>"))
        #expect(document.title == "复工复产按下播放键")
        #expect(document.siteName == "江苏新闻网")
    }

    @Test func timeElementGivesTheDate() {
        let html = Fixture.newsPage(byline: #"<time datetime="2020-04-15T18:06:00+08:00">4月15日</time>"#)
        #expect(Fixture.extract(html).published == "2020-04-15T18:06:00+08:00")
    }

    @Test func bylineUnderTheHeadlineGivesDateSourceAndAuthor() {
        let byline = "<span>发布时间：2020-04-15 18:06</span> <span>来源：<a href=\"/\">江苏新闻网</a></span> <span>作者：杨艺</span> <span>浏览量：2368</span>"
        let document = Fixture.extract(Fixture.newsPage(byline: byline))
        #expect(document.published == "2020-04-15T18:06:00+08:00")
        #expect(document.source == "江苏新闻网")
        #expect(document.authors == ["杨艺"])
    }

    @Test func neighbouringNodesAreNotGlued() {
        let byline = "<span>2024/8/6 8:39:00</span><span>40344</span>"
        #expect(Fixture.extract(Fixture.newsPage(byline: byline)).published == "2024-08-06T08:39:00+08:00")
    }

    @Test func dateOnlyStaysDateOnly() {
        #expect(Fixture.extract(Fixture.newsPage(byline: "<span>2020-04-13</span>")).published == "2020-04-13")
    }

    @Test func reportersAfterJiZhe() {
        let byline = "<div>2020-04-16 07:05 现代快报+/ZAKER南京记者 谷伟 潘荣 徐苏宁</div>"
        #expect(Fixture.extract(Fixture.newsPage(byline: byline)).authors == ["谷伟", "潘荣", "徐苏宁"])
    }

    @Test func wenSlashNamesTheWriter() {
        #expect(Fixture.extract(Fixture.newsPage(byline: "文/图 张伟")).authors == ["张伟"])
    }

    @Test func reporterInParenthesesAtTheEndOfTheText() {
        let article = Fixture.articleParagraphs + "<p>\(Fixture.paragraph1)(记者 杨艺)</p>"
        #expect(Fixture.extract(Fixture.newsPage(article: article)).authors == ["杨艺"])
    }

    @Test func editorIsNeverAnAuthor() {
        let document = Fixture.extract(Fixture.newsPage(byline: "<span>来源：现代快报</span><span>编辑：陈晨</span>", after: "<p>责任编辑：孙重远</p>"))
        #expect(document.editor == "陈晨")
        #expect(document.authors.isEmpty)
    }

    @Test func aBareWordIsNoName() {
        let html = Fixture.newsPage(byline: "<span>2020-04-15</span> <span>[打印]</span> <span>[关闭]</span>")
        #expect(Fixture.extract(html).authors.isEmpty)
    }

    @Test func titleIsTheHeadingTheTitleTagAgreesWith() {
        let html = Fixture.page(title: "复工复产新闻发布会召开_江苏_江苏新闻网", body: "<h1>江苏新闻网</h1><h2>复工复产新闻发布会召开</h2><div>\(Fixture.articleParagraphs)</div>")
        #expect(Fixture.extract(html).title == "复工复产新闻发布会召开")
    }

    @Test func titleWithoutHeadingDropsTheSiteName() {
        let html = Fixture.page(title: "复工复产新闻发布会召开 - 江苏新闻网", body: "<div>\(Fixture.articleParagraphs)</div>")
        #expect(Fixture.extract(html).title == "复工复产新闻发布会召开")
    }

    @Test func headingAboveTheTextWhenTheTitleNamesOnlyTheColumn() {
        let body = "<div class=\"crumb\"><h3>首页 - 新闻动态</h3></div><div class=\"news\"><h5>2019年中国人文地理学术年会成功举行</h5>"
            + "<div class=\"ly\">发布时间：2019-05-18</div><div>\(Fixture.articleParagraphs)</div></div>"
        let html = Fixture.page(title: "新闻动态--中国地理学会官网", body: body)
        #expect(Fixture.extract(html).title == "2019年中国人文地理学术年会成功举行")
    }

    @Test func hyphenBetweenNumbersDoesNotSplitTheTitle() {
        let html = Fixture.page(title: "绿景控股料2011年扭亏 净利1900万-2900万-证券时报网", body: "<div>\(Fixture.articleParagraphs)</div>")
        #expect(Fixture.extract(html).title == "绿景控股料2011年扭亏 净利1900万-2900万")
    }

    @Test func siteNameFromTheTitleSuffix() {
        #expect(Fixture.extract(Fixture.newsPage()).siteName == "江苏新闻网")
    }

    @Test func siteNameFromTheFooter() {
        let html = Fixture.page(title: "复工复产新闻发布会召开", body: "<h1>复工复产新闻发布会召开</h1><div>\(Fixture.articleParagraphs)</div><div>现代快报网 版权所有</div>")
        #expect(Fixture.extract(html).siteName == "现代快报网")
    }

    @Test func dateFromTheURLWhenThePageHasNone() {
        let html = Fixture.page(body: "<div>\(Fixture.articleParagraphs)</div>")
        #expect(Fixture.extract(html, url: "http://www.gov.cn/xinwen/t20200415_1.html").published == "2020-04-15")
    }

    @Test func timeOfDayFromTheBylineWhenTheMetaTagHasOnlyTheDate() {
        let html = Fixture.newsPage(byline: "<span>2022-02-13 07:00:00</span>", head: #"<meta name="publishdate" content="2022-02-13">"#)
        #expect(Fixture.extract(html).published == "2022-02-13T07:00:00+08:00")
    }

    @Test(arguments: [
        ("江蘇製造業按下復工復產播放鍵，記者從會上獲悉，這些企業已經復工。", "zh-Hant"),
        ("江苏制造业按下复工复产播放键，记者从会上获悉，这些企业已经复工。", "zh-Hans"),
    ])
    func scriptFromTheText(text: String, script: String) {
        let html = Fixture.page(body: "<div><p>\(text)</p><p>\(text)</p></div>")
        #expect(Fixture.extract(html).script == script)
    }

    @Test func bodyLinksAreAbsolute() {
        let article = Fixture.articleParagraphs + "<p>\(Fixture.paragraph1)<a href=\"/files/plan.pdf\">附件</a></p>"
        let document = Fixture.extract(Fixture.newsPage(article: article), url: "https://www.example.gov.cn/news/1.html")
        #expect(document.links == ["https://www.example.gov.cn/files/plan.pdf"])
    }

    @Test func bodyLinksFollowBaseAndRepairSloppyHrefs() {
        let article = Fixture.articleParagraphs
            + "<p>\(Fixture.paragraph1)<a href=\"附件 1.pdf\">附件</a><a href=\"https://www.example.gov.cn/x.html#top\">上文</a></p>"
        let page = Fixture.newsPage(article: article).replacingOccurrences(of: "<head>", with: "<head><base href=\"https://files.example.gov.cn/2020/\">")
        let document = Fixture.extract(page, url: "https://www.example.gov.cn/news/1.html")
        #expect(document.links == ["https://files.example.gov.cn/2020/%E9%99%84%E4%BB%B6%201.pdf", "https://www.example.gov.cn/x.html"])
    }
}
