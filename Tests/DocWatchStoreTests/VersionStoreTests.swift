import DocWatchCore
import DocWatchStore
import Foundation
import Testing

@Suite("Storing versions")
struct VersionStoreTests {
    @Test("a first fetch is new, with one document.new event in the outbox", arguments: StoreBackend.available)
    func newDocument(_ backend: StoreBackend) throws {
        let store = try backend.open()
        let result = try store.database.store(Pages.page(text: "规模以上工业企业复工面99.7%。"))
        #expect(result.outcome == .new && result.version == 1)
        let events = try store.database.pendingEvents()
        #expect(events.map(\.event.type) == [.documentNew])
        #expect(events[0].event.title == "江苏推进复工复产")
        #expect(events[0].event.contentHash?.hasPrefix("sha256:") == true)
    }

    @Test("the same content with another body (a view counter) is unchanged and raises no event", arguments: StoreBackend.available)
    func counterChangeIsUnchanged(_ backend: StoreBackend) throws {
        let store = try backend.open()
        _ = try store.database.store(Pages.page(text: "正文。", body: "<p>正文。</p><span>阅读 10</span>"))
        let again = try store.database.store(Pages.page(text: "正文。", body: "<p>正文。</p><span>阅读 11</span>", at: 60))
        #expect(again.outcome == .unchanged && again.version == 1)
        #expect(try store.database.pendingEvents().count == 1)
    }

    @Test("a new paragraph is a changed version whose event carries the diff", arguments: StoreBackend.available)
    func changedDocument(_ backend: StoreBackend) throws {
        let store = try backend.open()
        _ = try store.database.store(Pages.page(text: "第一段。\n第二段。"))
        let changed = try store.database.store(Pages.page(text: "第一段。\n新增一句话。\n第二段。", at: 60))
        #expect(changed.outcome == .changed && changed.version == 2)
        let event = try #require(try store.database.pendingEvents().last)
        #expect(event.event.type == .documentChanged)
        #expect(event.event.diff?.added == 1 && event.event.diff?.removed == 0)
        #expect(event.event.previousHash != nil && event.event.previousHash != event.event.contentHash)
        #expect(event.diffText?.contains("+新增一句话。") == true)
        #expect(event.event.seq > (try store.database.pendingEvents().first?.event.seq ?? .max))
    }

    @Test("content reverting to an earlier version makes that version current again", arguments: StoreBackend.available)
    func revert(_ backend: StoreBackend) throws {
        let store = try backend.open()
        _ = try store.database.store(Pages.page(text: "甲。"))
        _ = try store.database.store(Pages.page(text: "乙。", at: 60))
        let back = try store.database.store(Pages.page(text: "甲。", at: 120))
        #expect(back.outcome == .changed && back.version == 1)
        #expect(try store.database.document("https://gov.example/a.html")?.current.text == "甲。")
    }

    @Test("the same content under another URL is a duplicate and raises no document.new", arguments: StoreBackend.available)
    func duplicateURL(_ backend: StoreBackend) throws {
        let store = try backend.open()
        let original = try store.database.store(Pages.page(text: "同一篇文章。"))
        let copy = try store.database.store(Pages.page("https://mirror.example/copy.html", text: "同一篇文章。", at: 60))
        #expect(copy.outcome == .duplicate)
        #expect(try store.database.pendingEvents().count == 1)
        #expect(try store.database.document(String(copy.documentID))?.duplicateOf == original.documentID)
    }

    @Test("every version's raw body is kept and reads back byte for byte", arguments: StoreBackend.available)
    func bodiesKept(_ backend: StoreBackend) throws {
        let store = try backend.open()
        let page = Pages.page(text: "正文。", body: "<html>原始字节</html>")
        _ = try store.database.store(page)
        #expect(try store.database.body(rawHash: page.rawHash) == Array("<html>原始字节</html>".utf8))
    }

    @Test("facts are stored per version and come back with the document", arguments: StoreBackend.available)
    func factsStored(_ backend: StoreBackend) throws {
        let store = try backend.open()
        let fact = Fact(kind: .percent, text: "99.7%", offset: 10, value: 99.7, subject: "复工面")
        let result = try store.database.store(Pages.page(text: "规模以上工业企业复工面99.7%。", facts: [fact]))
        #expect(try store.database.document(String(result.documentID))?.current.facts == [fact])
    }

    @Test("a store opened again, as by a new process, keeps its history", arguments: StoreBackend.available)
    func reopen(_ backend: StoreBackend) throws {
        let store = try backend.open()
        _ = try store.database.store(Pages.page(text: "正文。"))
        let reopened = try store.reopen()
        #expect(try reopened.documentState(url: "https://gov.example/a.html")?.etag == "\"v1\"")
    }
}

@Suite("Near duplicates")
struct NearDuplicateTests {
    static let paragraphs = (1...8).map { "第\($0)段：推动制造业复工复产，事关经济平稳运行、社会稳定发展，也事关产业链供应链稳定安全，编号\($0 * 37)。" }

    @Test("a repost with one paragraph dropped is linked both ways", arguments: StoreBackend.available)
    func droppedParagraph(_ backend: StoreBackend) throws {
        let store = try backend.open()
        let a = try store.database.store(Pages.page("https://a.example/1", text: Self.paragraphs.joined(separator: "\n")))
        var shorter = Self.paragraphs
        shorter.remove(at: 3)
        let b = try store.database.store(Pages.page("https://b.example/2", text: shorter.joined(separator: "\n"), at: 60))
        #expect(b.outcome == .new)
        #expect(try store.database.document(String(a.documentID))?.nearDuplicates.map(\.id) == [b.documentID])
        #expect(try store.database.document(String(b.documentID))?.nearDuplicates.map(\.id) == [a.documentID])
    }

    @Test("articles sharing one boilerplate paragraph are not linked", arguments: StoreBackend.available)
    func unrelatedArticles(_ backend: StoreBackend) throws {
        let store = try backend.open()
        let boilerplate = "本网站所刊登的各种新闻、信息和各种专题专栏资料，均为本网版权所有，未经协议授权禁止下载使用。"
        let a = try store.database.store(Pages.page("https://a.example/1", text: "江苏省今天召开新闻发布会，介绍全省工业经济运行的总体情况和下一步的工作安排。\n" + boilerplate))
        _ = try store.database.store(Pages.page("https://a.example/2", text: "浙江省数字经济发展大会在杭州举行，会议发布了一批数字化改革的典型案例。\n" + boilerplate, at: 60))
        #expect(try store.database.document(String(a.documentID))?.nearDuplicates.isEmpty == true)
    }
}

@Suite("Near duplicates and boilerplate")
struct BoilerplateParagraphTests {
    @Test("a paragraph shared by more than 50 documents no longer counts as paragraph overlap", arguments: StoreBackend.available)
    func boilerplateIgnored(_ backend: StoreBackend) throws {
        let store = try backend.open()
        let boilerplate = (1...6).map { "通用的免责声明第\($0)段：本网登载此文出于传递更多信息之目的，并不意味着赞同其观点或证实其描述。" }
        let pages = (0..<52).map { index in
            Pages.page("https://a.example/\(index)", title: "文章\(index)",
                       text: (["独有的第\(index)篇正文：江苏省工业经济运行情况。"] + boilerplate).joined(separator: "\n"), at: Double(index))
        }
        let results = try store.database.store(batch: pages)
        let last = try #require(results.last)
        // The early ones are linked by shared paragraphs; the 52nd finds them too common to count, so
        // any link it has comes from the whole-text SimHash (overlap nil).
        let early = try #require(try store.database.document(String(results[1].documentID)))
        #expect(early.nearDuplicates.contains { $0.overlap != nil })
        let late = try #require(try store.database.document(String(last.documentID)))
        #expect(late.nearDuplicates.allSatisfy { $0.overlap == nil })
    }
}

@Suite("Near duplicates of templated pages")
struct TemplatedPageTests {
    @Test("thirty near-identical pages link each page to at most 20 others", arguments: StoreBackend.available)
    func linksCapped(_ backend: StoreBackend) throws {
        let store = try backend.open()
        let body = (1...6).map { "模板正文第\($0)段：本栏目发布全市工业经济运行情况，请各单位认真学习贯彻落实有关要求。" }.joined(separator: "\n")
        let pages = (0..<30).map { Pages.page("https://gov.example/\($0).html", title: "通知\($0)", text: body + "\n编号\($0)", at: Double($0)) }
        let results = try store.database.store(batch: pages)
        let last = try #require(try store.database.document(String(results[29].documentID)))
        #expect(last.nearDuplicates.count == 20)
    }
}
