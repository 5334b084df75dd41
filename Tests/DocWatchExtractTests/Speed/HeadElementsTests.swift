@testable import DocWatchExtract
import Testing

/// A named HTML snippet.
struct MarkupCase: CustomTestStringConvertible, Sendable {
    let name: String
    let html: String
    var testDescription: String { name }
}

@Suite("One walk over the tree finds the head elements")
struct HeadElementsTests {
    @Test("One walk finds the <meta>s, the <title>s and the first <head>'s <title>s that separate searches find", arguments: [
        MarkupCase(name: "an ordinary head", html: "<html><head><title>标题</title><meta name=a content=1><meta property=b content=2></head><body><p>正文</p></body></html>"),
        MarkupCase(name: "a title in the body too", html: "<html><head><title>一</title></head><body><title>二</title><meta name=c content=3></body></html>"),
        MarkupCase(name: "no head, titles in the body", html: "<body><div><title>甲</title></div><p><title>乙</title></p></body>"),
        MarkupCase(name: "nothing at all", html: "<p>只有正文</p>"),
    ])
    func headElements(_ page: MarkupCase) {
        let root = HTMLParser.parse(page.html)
        let found = HeadElements(root: root)
        #expect(found.metas.map(ObjectIdentifier.init) == root.all("meta").map(ObjectIdentifier.init))
        #expect(found.titles.map(ObjectIdentifier.init) == root.all("title").map(ObjectIdentifier.init))
        let inHead = root.first("head")?.all("title") ?? []
        #expect(found.titlesInFirstHead.map(ObjectIdentifier.init) == inHead.map(ObjectIdentifier.init))
    }
}
