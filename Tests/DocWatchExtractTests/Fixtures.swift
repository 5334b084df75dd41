import DocWatchCore
import DocWatchExtract
import Foundation
import Testing

/// Small hand-written pages for the extractor's rule tests.
enum Fixture {
    /// A paragraph of article text long enough, and punctuated enough, to score as content.
    static let paragraph1 = "江苏是制造业大省，推动制造业复工复产，事关经济平稳运行、社会稳定发展，也事关产业链、供应链稳定安全。今天，江苏省政府召开新闻发布会，介绍了有关情况。"
    static let paragraph2 = "省工业和信息化厅副厅长介绍，目前，人员返岗率由75.6%提升至94%；中小工业企业复工面84%；按工业用电测算，工业产能恢复由71.1%提升至94.0%。"
    static let paragraph3 = "聚焦龙头企业，全面梳理产业链、精准打通供应链。以先进制造业集群、重点支柱产业、战略性新兴产业为重点，省级层面排出了491家龙头骨干企业清单。"

    /// The three paragraphs as `<p>`s.
    static var articleParagraphs: String {
        [paragraph1, paragraph2, paragraph3].map { "<p>\($0)</p>" }.joined()
    }

    /// A whole page: `head` inside `<head>` after the title, `body` inside `<body>`.
    static func page(title: String = "复工复产新闻发布会召开_江苏新闻网", head: String = "", body: String) -> String {
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>\(title)</title>\(head)</head><body>\(body)</body></html>"
    }

    /// A typical news page: navigation, headline, byline, the article, then `after` and a footer.
    static func newsPage(byline: String = "", article: String? = nil, after: String = "", head: String = "") -> String {
        page(head: head, body: """
        <div class="nav"><a href="/">首页</a> <a href="/news/">新闻</a> <a href="/js/">江苏</a></div>
        <div class="main"><h1>复工复产新闻发布会召开</h1>
        <div class="info">\(byline)</div>
        <div class="content">\(article ?? articleParagraphs)</div>
        \(after)</div>
        <div class="footer">江苏新闻网 版权所有 苏ICP备05012345号-1</div>
        """)
    }

    static func extract(_ html: String, url: String? = nil, zone: String = "Asia/Shanghai") -> ExtractedDocument {
        let timeZone = TimeZone(identifier: zone) ?? .current
        return Extractor(options: ExtractionOptions(timeZone: timeZone, facts: false, simplify: false)).extract(html: html, url: url)
    }
}

/// A named text (a paragraph, a page's HTML) for `@Test(arguments:)` tables; the name is what the test
/// report shows.
struct NamedText: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    var testDescription: String { name }
}
