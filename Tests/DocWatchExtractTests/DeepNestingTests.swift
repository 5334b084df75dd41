import DocWatchExtract
import Foundation
import Testing

/// Markup nested far past libxml2's default limit (256) keeps its text, and nothing overflows the stack.
@Suite("Deep nesting")
struct DeepNestingTests {
    /// A news page whose article sits `depth` elements down, alternating `div` and `span` so the
    /// parser cannot close any of them early.
    static func nestedPage(depth: Int) -> String {
        let open = (0..<depth).map { $0 % 2 == 0 ? "<div>" : "<span>" }.joined()
        let close = (0..<depth).reversed().map { $0 % 2 == 0 ? "</div>" : "</span>" }.joined()
        return Fixture.page(body: "<h1>复工复产新闻发布会召开</h1>" + open + Fixture.articleParagraphs + close)
    }

    @Test("the article's paragraphs survive any depth, one a line", arguments: [300, 5_000, 100_000])
    func paragraphsSurvive(depth: Int) {
        let document = Extractor(options: ExtractionOptions(facts: false, simplify: false)).extract(html: Self.nestedPage(depth: depth), url: nil)
        let lines = document.text.split(separator: "\n").map(String.init)
        #expect(lines.contains(Fixture.paragraph1))
        #expect(lines.contains(Fixture.paragraph2))
        #expect(lines.contains(Fixture.paragraph3))
    }

    @Test("the parsed tree is never deeper than the copy's bound")
    func treeDepthBounded() {
        let root = HTMLParser.parse(Self.nestedPage(depth: 5_000))
        var deepest = 0
        var stack = [(root, 0)]
        while let (node, depth) = stack.popLast() {
            deepest = max(deepest, depth)
            stack += node.children.map { ($0, depth + 1) }
        }
        #expect(deepest <= 210)
        #expect(root.textContent.contains(Fixture.paragraph3))
    }

    @Test("a feed nested 100,000 deep is a parse error, not a crash")
    func deepFeed() {
        let items = "<item><title>动态</title><link>https://example.gov.cn/a.html</link></item>"
        let nested = String(repeating: "<x>", count: 100_000) + String(repeating: "</x>", count: 100_000)
        let feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>\(items)\(nested)</channel></rss>"
        #expect(throws: ListingError.self) { try FeedParser.parse(Array(feed.utf8)) }
    }
}
