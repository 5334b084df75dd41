import DocWatchCore
import DocWatchStore
import Foundation
import Testing

@Suite("A changed document's event says what changed")
struct ChangeDetailStoreTests {
    @Test("a changed figure and 文号 reach the outbox as changes and facts, and the diff text has the title header", arguments: StoreBackend.available)
    func changesAndFactsInTheOutbox(_ backend: StoreBackend) throws {
        let store = try backend.open()
        let before = Fact(kind: .docNumber, text: "甬党发〔2020〕4号", offset: 0)
        let after = Fact(kind: .docNumber, text: "甬党发〔2020〕5号", offset: 0)
        _ = try store.database.store(Pages.page(title: "新建5G基站5.2万座", text: "甬党发〔2020〕4号\n覆盖率达到84%。", facts: [before]))
        _ = try store.database.store(Pages.page(title: "新建5G基站6.1万座", text: "甬党发〔2020〕5号\n覆盖率达到86%。", at: 60, facts: [after]))
        let event = try #require(try store.database.pendingEvents().last)
        let diff = try #require(event.event.diff)
        #expect(diff.file == "diffs/\(event.event.time.prefix(10))/\(event.event.seq).diff")
        #expect(diff.changes == [
            ChangeSpan(field: "title", before: "5.2万", after: "6.1万", context: "新建5G基站"),
            ChangeSpan(field: "text", before: "4", after: "5", context: "甬党发〔2020〕"),
            ChangeSpan(field: "text", before: "84%", after: "86%", context: "覆盖率达到"),
        ])
        #expect(diff.factsAdded == [FactMention(kind: .docNumber, text: "甬党发〔2020〕5号")])
        #expect(diff.factsRemoved == [FactMention(kind: .docNumber, text: "甬党发〔2020〕4号")])
        #expect(event.diffText?.hasPrefix("title: 新建5G基站[-5.2万-]{+6.1万+}座\n--- https://gov.example/a.html version 1\n") == true)
    }

    @Test("a stored version reads back as the snapshot a diff compares", arguments: StoreBackend.available)
    func versionSnapshot(_ backend: StoreBackend) throws {
        let store = try backend.open()
        let result = try store.database.store(Pages.page(text: "覆盖率达到84%。", facts: [Fact(kind: .percent, text: "84%", offset: 5)]))
        let snapshot = try #require(try store.database.versionSnapshot(document: result.documentID, number: 1))
        #expect(snapshot == DocumentSnapshot(fields: [.title: "江苏推进复工复产", .published: "2020-04-15T18:06:00+08:00"],
                                             text: "覆盖率达到84%。", facts: [FactMention(kind: .percent, text: "84%")]))
        #expect(try store.database.versionSnapshot(document: result.documentID, number: 2) == nil)
    }
}
