@testable import DocWatchExtract
import Testing

@Suite("One walk over the tree finds the head elements, the body and the headline candidates")
struct HeadElementsTests {
    @Test("One walk finds the <meta>s, <title>s, first <head>'s <title>s, first <body> and ranked headings that separate searches find", arguments: [
        NamedText(name: "an ordinary head", text: "<html><head><title>标题</title><meta name=a content=1><meta property=b content=2></head><body><p>正文</p></body></html>"),
        NamedText(name: "a title in the body too", text: "<html><head><title>一</title></head><body><title>二</title><meta name=c content=3></body></html>"),
        NamedText(name: "no head, titles in the body", text: "<body><div><title>甲</title></div><p><title>乙</title></p></body>"),
        NamedText(name: "nothing at all", text: "<p>只有正文</p>"),
        NamedText(name: "headings of every rank, a titled body, a heading in the head", text: """
            <html><head><h1>头里</h1></head><body class="title"><div class="news-title">甲</div><h3>乙</h3><h2>丙</h2>
            <h1>丁</h1><label class="subtitle">戊</label><h2 id="title">己</h2><body><h3>庚</h3></body></body></html>
            """),
        NamedText(name: "headings without a body", text: "<h2>一</h2><div class=\"title\">二</div><h1>三</h1>"),
    ])
    func headElements(_ page: NamedText) {
        let root = HTMLParser.parse(page.text)
        let found = HeadElements(root: root)
        #expect(found.metas.map(ObjectIdentifier.init) == root.all("meta").map(ObjectIdentifier.init))
        #expect(found.titles.map(ObjectIdentifier.init) == root.all("title").map(ObjectIdentifier.init))
        let inHead = root.first("head")?.all("title") ?? []
        #expect(found.titlesInFirstHead.map(ObjectIdentifier.init) == inHead.map(ObjectIdentifier.init))
        let body = root.first("body")
        #expect(found.body.map(ObjectIdentifier.init) == body.map(ObjectIdentifier.init))
        #expect(found.headings.map(ObjectIdentifier.init) == Self.rankedHeadings(below: body ?? root).map(ObjectIdentifier.init))
    }

    /// The headline candidates as TitleFinder walked for them: h1, h2, h3, then title hints.
    static func rankedHeadings(below node: HTMLNode) -> [HTMLNode] {
        let all = node.descendants()
        let byName = ["h1", "h2", "h3"].map { name in all.filter { $0.name == name } }
        return byName.flatMap { $0 } + all.filter { !["h1", "h2", "h3"].contains($0.name) && $0.kindFlags.contains(.titleHint) }
    }
}
