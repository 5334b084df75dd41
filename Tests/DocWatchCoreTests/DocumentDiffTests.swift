import Foundation
@testable import DocWatchCore
import Testing

@Suite("Document diff: fields, paragraphs and facts")
struct DocumentDiffTests {
    static func snapshot(title: String = "江苏推进复工复产", published: String? = "2020-04-15", text: String, facts: [FactMention] = []) -> DocumentSnapshot {
        var fields: [ComparedField: String] = [.title: title]
        fields[.published] = published
        return DocumentSnapshot(fields: fields, text: text, facts: facts)
    }

    @Test("a headline 5.2万 → 6.1万 is a title change in changes and in the diff file's header")
    func headlineChange() throws {
        let old = Self.snapshot(title: "江苏新建5G基站5.2万座", text: "正文不变。")
        let new = Self.snapshot(title: "江苏新建5G基站6.1万座", text: "正文不变。")
        let diff = DocumentDiff(old: old, new: new)
        #expect(diff.changes() == [ChangeSpan(field: "title", before: "5.2万", after: "6.1万", context: "江苏新建5G基站")])
        #expect(diff.changes().first?.summary == "title: 江苏新建5G基站5.2万 → 6.1万")
        let file = DiffRendering(colored: false).file(diff, from: "a", to: "b")
        #expect(file.hasPrefix("title: 江苏新建5G基站[-5.2万-]{+6.1万+}座\n--- a\n+++ b\n"))
    }

    @Test("a changed date and 文号: published in changes, the 文号 in the text and in the facts")
    func dateAndDocumentNumber() {
        let old = Self.snapshot(published: "2020-04-15", text: "甬党发〔2020〕4号\n各区县人民政府：",
                                facts: [FactMention(kind: .docNumber, text: "甬党发〔2020〕4号")])
        let new = Self.snapshot(published: "2020-04-16", text: "甬党发〔2020〕5号\n各区县人民政府：",
                                facts: [FactMention(kind: .docNumber, text: "甬党发〔2020〕5号")])
        let diff = DocumentDiff(old: old, new: new)
        #expect(diff.changes() == [
            ChangeSpan(field: "published", before: "2020-04-15", after: "2020-04-16", context: ""),
            ChangeSpan(field: "text", before: "4", after: "5", context: "甬党发〔2020〕"),
        ])
        let summary = diff.summary(file: "diffs/7.diff")
        #expect(summary.factsAdded == [FactMention(kind: .docNumber, text: "甬党发〔2020〕5号")])
        #expect(summary.factsRemoved == [FactMention(kind: .docNumber, text: "甬党发〔2020〕4号")])
        #expect(DiffRendering(colored: false).header(diff) == "published: [-2020-04-15-]{+2020-04-16+}\n")
    }

    @Test("facts are compared as multisets: one of two equal figures gone is one removed")
    func factMultiset() {
        let figure = FactMention(kind: .percent, text: "84%")
        let (added, removed) = DocumentDiff.factDelta(old: [figure, figure, FactMention(kind: .region, text: "江苏")],
                                                      new: [figure, FactMention(kind: .region, text: "江苏")])
        #expect(added.isEmpty && removed == [figure])
    }

    @Test("a paragraph added whole is quoted; the changes and facts are capped")
    func quotesAndCaps() {
        let added = String(repeating: "新", count: 80)
        let diff = DocumentDiff(old: Self.snapshot(text: "甲"), new: Self.snapshot(text: "甲\n" + added))
        #expect(diff.changes() == [ChangeSpan(field: "text", before: "", after: String(repeating: "新", count: 60) + "…", context: "")])
        let many = (1...9).map { FactMention(kind: .percent, text: "\($0)%") }
        let capped = DocumentDiff(old: Self.snapshot(text: "a"), new: Self.snapshot(text: "a", facts: many)).summary(file: "f", factLimit: 5)
        #expect(capped.factsAdded.count == 5)
        let edits = (1...9).map { "第\($0)段" }.joined(separator: "\n")
        #expect(DocumentDiff(old: Self.snapshot(text: ""), new: Self.snapshot(text: edits)).changes(limit: 5).count == 5)
    }

    @Test("a changed paragraph shows as one marked line in the view; an inserted one before it does not break the pairing")
    func viewPairsParagraphs() {
        let old = Self.snapshot(text: "第一段。\n覆盖率达到84%，比上年提高。\n第三段。")
        let new = Self.snapshot(text: "第一段。\n新增的一段话。\n覆盖率达到86%，比上年提高。\n第三段。")
        let view = DiffRendering(colored: false).view(DocumentDiff(old: old, new: new), from: "a", to: "b")
        #expect(view.contains("~覆盖率达到[-84%-]{+86%+}，比上年提高。\n"))
        #expect(view.contains("+新增的一段话。\n"))
        #expect(!view.contains("-覆盖率"))
    }

    @Test("a rewrite is said, not listed, and gives no text changes")
    func rewriteView() {
        let old = Self.snapshot(text: "甲\n乙"), new = Self.snapshot(text: "丙\n丁")
        let diff = DocumentDiff(old: old, new: new, limits: DiffLimits(maxLines: 100, maxEdits: 2))
        let view = DiffRendering(colored: false).view(diff, from: "a", to: "b")
        #expect(view == "rewritten: 2 lines replaced by 2 (too different to compare line by line)\n--- a\n+++ b\n")
        #expect(diff.changes().isEmpty && diff.summary(file: "f").rewritten)
    }

    @Test("the diff object encodes changes and facts; an old line without them still decodes")
    func summaryJSON() throws {
        let summary = ChangeEvent.DiffSummary(added: 1, removed: 1, file: "diffs/3.diff",
                                              changes: [ChangeSpan(field: "text", before: "84%", after: "86%", context: "覆盖率达到")],
                                              factsAdded: [FactMention(kind: .percent, text: "86%")],
                                              factsRemoved: [FactMention(kind: .percent, text: "84%")])
        let event = ChangeEvent(seq: 3, time: "2026-11-21T08:00:03Z", type: .documentChanged, source: "s", diff: summary)
        #expect(event.jsonLine().contains(#""diff":{"added":1,"changes":[{"after":"86%","before":"84%","context":"覆盖率达到","field":"text"}],"facts_added":[{"kind":"percent","text":"86%"}],"facts_removed":[{"kind":"percent","text":"84%"}],"file":"diffs/3.diff","removed":1}"#))
        let old = #"{"seq":1,"id":"evt-000001","time":"t","type":"document.changed","source":"s","diff":{"added":1,"removed":0,"file":"diffs/1.diff"}}"#
        let decoded = try JSONDecoder().decode(ChangeEvent.self, from: Data(old.utf8))
        #expect(decoded.diff == ChangeEvent.DiffSummary(added: 1, removed: 0, file: "diffs/1.diff"))
    }
}
