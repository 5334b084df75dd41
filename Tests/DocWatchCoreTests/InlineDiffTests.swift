@testable import DocWatchCore
import Testing

@Suite("Inline diff inside a changed paragraph")
struct InlineDiffTests {
    /// 150 characters, the length of a typical government-news paragraph.
    static let paragraph84 = "今年以来，全省持续推进5G网络建设和应用，截至10月底累计建成5G基站5.2万座，重点场所5G网络覆盖率达到84%，"
        + "比上年同期提高了十一个百分点。下一步，省通信管理局将会同有关部门加快推进千兆光网和5G网络协同发展，"
        + "着力打造一批具有示范意义的行业应用标杆，为经济社会高质量发展提供有力支撑。"

    @Test("the paragraph of the issue is about 150 characters")
    func paragraphLength() {
        #expect((140...160).contains(Self.paragraph84.count))
    }

    struct TokenCase: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let tokens: [String]
        var testDescription: String { name }
    }

    @Test("units compared", arguments: [
        TokenCase(name: "Han characters one by one", text: "复工率", tokens: ["复", "工", "率"]),
        TokenCase(name: "a percentage whole", text: "达到84%，", tokens: ["达", "到", "84%", "，"]),
        TokenCase(name: "a figure with its magnitude", text: "5.2万座", tokens: ["5.2万", "座"]),
        TokenCase(name: "thousands separators", text: "1,200元", tokens: ["1,200", "元"]),
        TokenCase(name: "Latin words whole", text: "the new rate", tokens: ["the", " ", "new", " ", "rate"]),
        TokenCase(name: "a 文号", text: "甬党发〔2020〕4号", tokens: ["甬", "党", "发", "〔", "2020", "〕", "4", "号"]),
        TokenCase(name: "full-width digits", text: "８４％", tokens: ["８４％"]),
    ])
    func tokens(_ example: TokenCase) {
        let tokens = InlineTokens(example.text)
        #expect(tokens.ranges.indices.map { tokens.text($0..<($0 + 1)) } == example.tokens)
    }

    @Test("84% → 86% in a 150-character paragraph is one short change with its lead")
    func percentInParagraph() throws {
        let new = Self.paragraph84.replacingOccurrences(of: "84%", with: "86%")
        let inline = try #require(InlineDiff(old: Self.paragraph84, new: new))
        #expect(inline.changes.map { "\($0.before)→\($0.after)" } == ["84%→86%"])
        let old = DocumentSnapshot(fields: [:], text: Self.paragraph84, facts: [])
        let spans = DocumentDiff(old: old, new: DocumentSnapshot(fields: [:], text: new, facts: [])).changes()
        #expect(spans == [ChangeSpan(field: "text", before: "84%", after: "86%", context: "重点场所5G网络覆盖率达到")])
        let span = try #require(spans.first)
        #expect(span.summary == "重点场所5G网络覆盖率达到84% → 86%")
    }

    @Test("edits marked without colour and coloured for a terminal")
    func marking() throws {
        let inline = try #require(InlineDiff(old: "覆盖率达到84%。", new: "覆盖率达到86%。"))
        #expect(DiffRendering(colored: false).inline(inline) == "覆盖率达到[-84%-]{+86%+}。")
        #expect(DiffRendering(colored: true).inline(inline) == "覆盖率达到\u{1B}[31m84%\u{1B}[0m\u{1B}[32m86%\u{1B}[0m。")
    }

    @Test("English text changes by whole words")
    func latinWords() throws {
        let inline = try #require(InlineDiff(old: "The coverage rate reached 84 percent.", new: "The coverage ratio reached 86 percent."))
        #expect(inline.changes.map { "\($0.before)→\($0.after)" } == ["rate→ratio", "84→86"])
    }

    @Test("paragraphs sharing less than half their units are not paired")
    func unrelatedNotPaired() {
        #expect(InlineDiff(old: "全省规模以上工业企业复工率达到99.7%。", new: "国务院办公厅印发通知。") == nil)
    }

    @Test("one kept character between two edits is folded into one change")
    func foldedGap() throws {
        let inline = try #require(InlineDiff(old: "由75.6%提升至94%", new: "由75.6%下降到94%"))
        #expect(inline.changes.count == 1)
    }
}
