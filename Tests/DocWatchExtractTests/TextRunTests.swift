import DocWatchCore
@testable import DocWatchExtract
import Testing

@Suite("A text run's text")
struct TextRunTests {
    @Test("A run's text is its trimmed text, with or without white space at its ends", arguments: [
        "正文", " 正文", "正文\u{3000}", "\u{A0}正 文\n", "", "   ", "a",
    ])
    func runText(_ text: String) {
        let root = HTMLParser.parse("<p>x<b>\(text)</b></p>")
        let node = root.first("b")?.children.first ?? HTMLNode(text: text, index: 0)
        #expect(TextRun(node: node, inLink: false).text == node.text.trimmed)
    }
}
