import DocWatchCore
import Testing

@Suite("Text diff")
struct TextDiffTests {
    @Test("an added paragraph is one added line in a unified hunk")
    func addedParagraph() {
        let diff = TextDiff(old: "第一段\n第二段\n第三段", new: "第一段\n第二段\n新增的一段\n第三段")
        #expect(diff.addedCount == 1)
        #expect(diff.removedCount == 0)
        let unified = diff.unified(from: "a", to: "b")
        #expect(unified.contains("+新增的一段\n"))
        #expect(unified.contains("@@ -1,3 +1,4 @@"))
    }

    @Test("a replaced line counts once removed and once added")
    func replacedLine() {
        let diff = TextDiff(old: "a\nb\nc", new: "a\nB\nc")
        #expect(diff.addedCount == 1 && diff.removedCount == 1)
    }

    @Test("equal texts give a header and no hunk")
    func equalTexts() {
        #expect(TextDiff(old: "x\ny", new: "x\ny").unified(from: "a", to: "b") == "--- a\n+++ b\n")
    }
}

@Suite("SimHash")
struct SimHashTests {
    static let article = """
        江苏是制造业大省，推动制造业复工复产，事关经济平稳运行、社会稳定发展，也事关产业链、供应链稳定安全。
        今天，江苏省政府召开新闻发布会，介绍了我省推动制造业复工复产的有关情况。全省规模以上工业企业复工率达到99.7%。
        人员返岗率由75.6%提升至94%，新建5G基站5.2万座，积极申报新一批跨境电商综试区。
        """

    @Test("a small edit stays within the near-duplicate distance")
    func smallEditIsNear() {
        let edited = Self.article.replacingOccurrences(of: "今天，", with: "")
        #expect(SimHash.distance(SimHash.fingerprint(Self.article), SimHash.fingerprint(edited)) <= SimHash.nearDuplicateDistance)
    }

    @Test("unrelated text is far")
    func unrelatedIsFar() {
        let other = "国务院办公厅关于进一步优化营商环境更好服务市场主体的实施意见，各省、自治区、直辖市人民政府，国务院各部委、各直属机构。"
        #expect(SimHash.distance(SimHash.fingerprint(Self.article), SimHash.fingerprint(other)) > 10)
    }
}
