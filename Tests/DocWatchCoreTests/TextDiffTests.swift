import DocWatchCore
import Testing

@Suite("Text diff")
struct TextDiffTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let old: String, new: String
        let added: Int, removed: Int
        var testDescription: String { name }
    }

    @Test("line counts", arguments: [
        Case(name: "an added paragraph", old: "第一段\n第二段\n第三段", new: "第一段\n第二段\n新增的一段\n第三段", added: 1, removed: 0),
        Case(name: "a replaced line", old: "a\nb\nc", new: "a\nB\nc", added: 1, removed: 1),
        Case(name: "a removed first line", old: "a\nb\nc", new: "b\nc", added: 0, removed: 1),
        Case(name: "from nothing", old: "", new: "a\nb", added: 2, removed: 0),
        Case(name: "to nothing", old: "a\nb", new: "", added: 0, removed: 2),
        Case(name: "moved line", old: "a\nb\nc\nd", new: "b\nc\nd\na", added: 1, removed: 1),
        Case(name: "a trailing newline added", old: "a\nb", new: "a\nb\n", added: 1, removed: 1),
    ])
    func counts(_ example: Case) {
        let diff = TextDiff(old: example.old, new: example.new)
        #expect(diff.addedCount == example.added && diff.removedCount == example.removed)
        #expect(!diff.rewritten)
    }

    @Test("an added paragraph is one added line in a unified hunk")
    func addedParagraph() {
        let unified = TextDiff(old: "第一段\n第二段\n第三段", new: "第一段\n第二段\n新增的一段\n第三段").unified(from: "a", to: "b")
        #expect(unified.contains("+新增的一段\n"))
        #expect(unified.contains("@@ -1,3 +1,4 @@"))
    }

    @Test("equal texts give a header and no hunk")
    func equalTexts() {
        #expect(TextDiff(old: "x\ny", new: "x\ny").unified(from: "a", to: "b") == "--- a\n+++ b\n")
    }

    @Test("past the edit bound the diff is a rewrite: every line removed and added, still one hunk")
    func rewrittenPastBound() {
        let old = (0..<50).map { "旧段落\($0)" }.joined(separator: "\n")
        let new = (0..<50).map { "新段落\($0)" }.joined(separator: "\n")
        let diff = TextDiff(old: old, new: new, limits: DiffLimits(maxLines: 1_000, maxEdits: 99))
        #expect(diff.rewritten)
        #expect(diff.removedCount == 50 && diff.addedCount == 50)
        #expect(TextDiff(old: old, new: new, limits: DiffLimits(maxLines: 1_000, maxEdits: 100)).rewritten == false)
        #expect(TextDiff(old: old, new: new, limits: DiffLimits(maxLines: 99, maxEdits: 1_000)).rewritten)
    }

    @Test("a 10,000-line rewrite is refused without searching; a few edits in 10,000 lines are found")
    func tenThousandLines() {
        let old = (0..<10_000).map { "第\($0)段，旧的内容。" }.joined(separator: "\n")
        let rewrite = (0..<10_000).map { "第\($0)段，新的内容。" }.joined(separator: "\n")
        #expect(TextDiff(old: old, new: rewrite).rewritten)
        var lines = old.split(separator: "\n").map(String.init)
        lines[10] = "改过的一段。"
        lines.insert("插入的一段。", at: 5_000)
        lines.remove(at: 9_000)
        let edited = TextDiff(old: old, new: lines.joined(separator: "\n"))
        #expect(!edited.rewritten && edited.addedCount == 2 && edited.removedCount == 2)
    }

    @Test("patch applies the unified diff to the old text and gives the new one", arguments: [
        ("第一段\n覆盖率达到84%\n第三段\n第四段\n第五段\n第六段\n第七段\n第八段\n第九段", "第一段\n覆盖率达到86%\n第三段\n第四段\n第五段\n第六段\n第七段\n新增\n第八段\n第九段"),
        ("a\nb\nc", "a\nb\nc\n"),
        ("a\nb\nc\n", "x\nb"),
        ("", "只有一行"),
        ("只有一行", ""),
        ("同样的最后一行", "新的第一行\n同样的最后一行"),
    ])
    func patchRoundTrip(old: String, new: String) throws {
        let unified = TextDiff(old: old, new: new).unified(from: "old", to: "new")
        #expect(try PatchTool.apply(unified, to: old) == new)
    }

    @Test("patch applies a rewrite's diff too")
    func patchRewrite() throws {
        let old = "甲\n乙\n丙", new = "子\n丑"
        let diff = TextDiff(old: old, new: new, limits: DiffLimits(maxLines: 10, maxEdits: 1))
        #expect(diff.rewritten)
        #expect(try PatchTool.apply(diff.unified(from: "old", to: "new"), to: old) == new)
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
