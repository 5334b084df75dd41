import DocWatchExtract
import Testing

/// Every space `Whitespace.isSpace` knows is folded in the extracted text, however a CMS wrote it.
@Suite struct WhitespaceFoldingTests {
    @Test(arguments: ["\u{00A0}", "\u{2002}", "\u{2028}", "\u{205F}", "\u{3000}", "\u{200B}"])
    func foldsUnicodeSpaces(space: String) {
        let paragraph = "江苏省工业和信息化厅今天发布通知，\(space)\(space)要求各地加快推进制造业企业复工复产，确保产业链供应链稳定。"
        let html = "<html><body><h1>通知</h1><div class=\"content\"><p>\(paragraph)</p><p>\(paragraph)</p></div></body></html>"
        let text = Extractor().extract(html: html, url: nil).text
        #expect(!text.isEmpty)
        #expect(!text.unicodeScalars.contains { $0.value > 0x7F && ($0.properties.isWhitespace || $0.value == 0x200B) })
    }
}
