import DocWatchCore
import DocWatchStore
import Foundation
import Testing

@Suite("Search")
struct SearchTests {
    func seeded(_ backend: StoreBackend) throws -> TestStore {
        let store = try backend.open()
        _ = try store.database.store(Pages.page("https://a.example/1", title: "江苏推进制造业复工复产", text: "全省规模以上工业企业复工率达到99.7%。"))
        _ = try store.database.store(Pages.page("https://a.example/2", title: "浙江发布数字经济政策", text: "推动产业链协同发展。", at: 60))
        _ = try store.database.store(Pages.page("https://a.example/3", title: "江西农业", text: "春耕生产有序进行。", at: 120))
        return store
    }

    /// Queries and the documents each must find, in order.
    static let terms: [(String, [String])] = [
        ("江苏", ["https://a.example/1"]), ("复工", ["https://a.example/1"]), ("产业链", ["https://a.example/2"]),
        ("复工复产", ["https://a.example/1"]), ("春耕 生产", ["https://a.example/3"]),
    ]

    @Test("a short Chinese term (one word, a phrase, two words) finds exactly the documents containing it",
          arguments: StoreBackend.available, terms)
    func findsShortChineseTerms(_ backend: StoreBackend, term: (String, [String])) throws {
        let (query, urls) = term
        let store = try seeded(backend)
        #expect(try store.database.search(SearchRequest(text: query)).map(\.url) == urls)
    }

    @Test("a one-character query matches every document containing it, wherever it stands in a word", arguments: StoreBackend.available)
    func singleCharacter(_ backend: StoreBackend) throws {
        let store = try seeded(backend)
        #expect(Set(try store.database.search(SearchRequest(text: "江")).map(\.url)) == ["https://a.example/1", "https://a.example/2", "https://a.example/3"])
        #expect(try store.database.search(SearchRequest(text: "业")).map(\.url).contains("https://a.example/3"))
        #expect(try store.database.search(SearchRequest(text: "农")).map(\.url) == ["https://a.example/3"])
    }

    @Test("the snippet marks the match", arguments: StoreBackend.available)
    func snippet(_ backend: StoreBackend) throws {
        let store = try seeded(backend)
        let hit = try #require(try store.database.search(SearchRequest(text: "复工率")).first)
        #expect(hit.snippet.contains("«复工率»"))
    }

    @Test("without text, newest first, and the source filter applies", arguments: StoreBackend.available)
    func listing(_ backend: StoreBackend) throws {
        let store = try seeded(backend)
        #expect(try store.database.search(SearchRequest(source: "s")).count == 3)
        #expect(try store.database.search(SearchRequest(source: "other")).isEmpty)
    }

    @Test(arguments: [("复工复产", "复工 工复 复产 产"), ("docwatch 2026", "docwatch 2026"), ("江", "江")])
    func tokenizer(text: String, tokens: String) {
        #expect(SearchTokenizer.indexText(text) == tokens)
    }

    @Test("the index text is the tokens joined by spaces, written in one pass", arguments: [
        "", " ", "江", "复工复产", "Docwatch 2026年第3季度 GDP增长5.2%，同比（上年）", "ＡＢＣ全角 ｶﾀｶﾅ 한국어 café—naïve",
        "国务院办公厅关于印发《通知》的说明。\n第二段：各地区、各部门要认真贯彻落实。 a b 1 ２", "x江y河z", "江x",
    ])
    func indexTextIsJoinedTokens(text: String) {
        #expect(SearchTokenizer.indexText(text) == SearchTokenizer.tokens(text, trailingUnigram: true).joined(separator: " "))
    }
}

@Suite("Search by date")
struct SearchByDateTests {
    static func stored(_ backend: StoreBackend, _ published: [String]) throws -> TestStore {
        let store = try backend.open()
        for (index, date) in published.enumerated() {
            var page = Pages.page("https://d.example/\(index)", title: "文章\(index)", text: "第\(index)篇正文，内容各不相同。", at: Double(index))
            page.document.published = date
            _ = try store.database.store(page)
        }
        return store
    }

    @Test("a document dated only by its day is found by --since that day", arguments: StoreBackend.available)
    func dateOnly(_ backend: StoreBackend) throws {
        let store = try Self.stored(backend, ["2026-11-01", "2026-10-31"])
        let since = try #require(Timestamp.parse("2026-11-01T00:00:00Z"))
        #expect(try store.database.search(SearchRequest(since: since)).map(\.url) == ["https://d.example/0"])
    }

    @Test("a time with an offset is compared in UTC", arguments: StoreBackend.available)
    func offsetApplied(_ backend: StoreBackend) throws {
        // 07:00 in Shanghai is 23:00 UTC the day before.
        let store = try Self.stored(backend, ["2026-11-01T07:00:00+08:00"])
        let midnight = try #require(Timestamp.parse("2026-11-01T00:00:00Z"))
        #expect(try store.database.search(SearchRequest(since: midnight)).isEmpty)
        #expect(try store.database.search(SearchRequest(until: midnight)).count == 1)
    }
}
