@testable import DocWatchExtract
import Testing

/// The exact tree `HTMLParser` builds from tricky markup: where text nodes start and end, which
/// whitespace is a node, where elements go. The extractor's output follows from this shape, so
/// building the tree another way (SAX events instead of copying libxml2's tree) must keep it.
@Suite("HTML tree shape")
struct HTMLTreeShapeTests {
    /// The tree below `node` on one line: `name(children)` for an element, `"text"` for text.
    static func outline(_ node: HTMLNode) -> String {
        node.children.map { child in
            child.isElement ? "\(child.name)(\(outline(child)))" : "\"\(child.text)\""
        }.joined(separator: " ")
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let html: String
        let outline: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "entities inside text join their text", html: "<p>a&amp;b&lt;c&#20013;d&nbsp;e</p>",
             outline: "html(body(p(\"a&b<c中d\u{A0}e\")))"),
        Case(name: "a processing instruction splits text", html: "<p>a<?php echo 1 ?>b</p>",
             outline: "html(body(p(\"a\" \"b\")))"),
        Case(name: "a dropped element splits text", html: "<p>a<object></object>b</p>",
             outline: "html(body(p(\"a\" \"b\")))"),
        Case(name: "a dropped element's content is left out", html: "<div>a<object><p>b</p></object>c</div>",
             outline: "html(body(div(\"a\" \"c\")))"),
        Case(name: "whitespace after an element libxml2 holds empty is ignorable", html: "<p>x<img src=a> <b>y</b></p>",
             outline: "html(body(p(\"x\" img() b(\"y\"))))"),
        Case(name: "whitespace after an inline element is a word space", html: "<p>x<span>1</span> <b>y</b></p>",
             outline: "html(body(p(\"x\" span(\"1\") \" \" b(\"y\"))))"),
        Case(name: "a character reference space before a tag is text", html: "<p>x<img src=a>&#32;<b>y</b></p>",
             outline: "html(body(p(\"x\" img() \" \" b(\"y\"))))"),
        Case(name: "whitespace beside a block is left out", html: "<div> <p>a</p> <p>b</p> </div>",
             outline: "html(body(div(p(\"a\") p(\"b\"))))"),
        Case(name: "a strict HTML 4.01 DOCTYPE makes whitespace in body ignorable",
             html: "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"><html><body><b>x</b> <i>y</i></body></html>",
             outline: "html(body(b(\"x\") i(\"y\")))"),
        Case(name: "under an HTML5 DOCTYPE the same whitespace is a word space",
             html: "<!DOCTYPE html><html><body><b>x</b> <i>y</i></body></html>",
             outline: "html(body(b(\"x\") \" \" i(\"y\")))"),
        Case(name: "a prefixed element keeps its local name", html: "<p>a<o:p>b</o:p></p>",
             outline: "html(body(p(\"a\" p(\"b\"))))"),
        Case(name: "head elements and text before body", html: "<title>T</title><meta name=a content=b>x<p>y</p>",
             outline: "html(head(title(\"T\") meta()) body(p(\"x\") p(\"y\")))"),
        Case(name: "an element after a closed html goes inside the first html",
             html: "<html><body><p>a</p></body></html\t><p>b</p>",
             outline: "html(body(p(\"a\")) html(p(\"b\")))"),
        Case(name: "after a DOCTYPE, an element after a closed html is a second root",
             html: "<!DOCTYPE html><html><body><p>a</p></body></html\t><p>b</p>",
             outline: "html(body(p(\"a\"))) html(p(\"b\"))"),
        Case(name: "text either side of an end tag the parser ignores is one node", html: "<p><b>a<i>b</b>c</i>d</p>",
             outline: "html(body(p(b(\"a\" i(\"b\")) \"cd\")))"),
        Case(name: "an unterminated comment is left out", html: "<p>a</p><!-- open",
             outline: "html(body(p(\"a\")))"),
        Case(name: "a p inside a p closes the first", html: "<p>a<p>b<div>c</div>",
             outline: "html(body(p(\"a\") p(\"b\") div(\"c\")))"),
    ]

    @Test("the tree has the shape libxml2's repair gives", arguments: cases)
    func shape(_ testCase: Case) {
        #expect(Self.outline(HTMLParser.parse(testCase.html)) == testCase.outline)
    }

    @Test("text split across the parser's 1,000-byte chunks is one node")
    func longTextIsOneNode() throws {
        let text = String(repeating: "复工复产，", count: 700) + "&amp;" + String(repeating: "x", count: 2_500)
        let root = HTMLParser.parse("<p>\(text)</p>")
        let paragraph = try #require(root.first("p"))
        #expect(paragraph.children.count == 1)
        #expect(paragraph.children.first?.text == text.replacingOccurrences(of: "&amp;", with: "&"))
    }

    @Test("attribute values have their entities decoded; a value-less attribute is empty; others are not kept")
    func attributes() throws {
        let root = HTMLParser.parse("<a href=\"/a?x=1&amp;y=2\" title=\"&lt;t&gt; &#20013;\" data-x=\"1\" rel class='news-Title'>a</a>")
        let link = try #require(root.first("a"))
        #expect(link["href"] == "/a?x=1&y=2")
        #expect(link["title"] == "<t> 中")
        #expect(link["rel"] == "")
        #expect(link["data-x"] == nil)
        #expect(link.kindFlags.contains(.titleHint))
    }

    @Test("nodes are numbered in document order and counted on the root")
    func numbering() {
        let root = HTMLParser.parse("<div><p>a<b>b</b></p>c</div><p>d</p>")
        var order: [Int] = []
        func walk(_ node: HTMLNode) {
            order.append(node.index)
            node.children.forEach(walk)
        }
        walk(root)
        #expect(order == Array(0..<order.count))
        #expect(root.nodeCount == order.count)
        #expect(root.first("b")?.parent?.name == "p")
    }

    @Test("a block lifted from below the depth bound leaves one line break on each side")
    func liftedBlocks() throws {
        let spans = String(repeating: "<span>", count: 210)
        let root = HTMLParser.parse("<body>\(spans)<div>x</div><div>y</div>z</body>")
        var deepest = try #require(root.first("span"))
        while let next = deepest.children.first(where: { $0.name == "span" }) { deepest = next }
        #expect(Self.outline(deepest) == "br() \"x\" br() \"y\" br() \"z\"")
    }
}
