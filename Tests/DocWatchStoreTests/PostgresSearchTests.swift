import DocWatchCore
import DocWatchPostgres
import DocWatchStore
import DocWatchTestSupport
import Foundation
import Testing

/// The same pages in a SQLite file (through `store`) and in a PostgreSQL database (the rows `store` writes).
final class SearchTwins {
    let sqlite: TemporaryDatabase
    let postgresDatabase: PostgresTestDatabase
    let postgres: PostgresStore

    init(_ pages: [IngestedPage]) throws {
        sqlite = try TemporaryDatabase()
        postgresDatabase = try PostgresTestDatabase()
        postgres = try postgresDatabase.open()
        let rows = try PostgresRowFixtures(postgresDatabase)
        for page in pages {
            let result = try sqlite.database.store(page)
            try rows.document(page, duplicateOf: result.outcome == .duplicate ? 1 : nil)
        }
    }

    /// A long report whose term 复工复产 stands only past the 16,383rd token, where a `tsvector` keeps no position.
    static let longText = String(repeating: "各地区各部门认真贯彻落实党中央国务院决策部署，", count: 800) + "全面推动复工复产。"

    static let pages: [IngestedPage] = {
        var traditional = Pages.page("https://t.example/1", title: "江蘇推進製造業復工復產", text: "全省規模以上工業企業復工率達到99.7%。", at: 10)
        traditional.document.titleSimplified = "江苏推进制造业复工复产"
        traditional.document.textSimplified = "全省规模以上工业企业复工率达到99.7%。"
        traditional.document.script = "zh-Hant"
        var attached = Pages.page("https://a.example/att", title: "关于印发通知的函", text: "详见附件。", at: 20)
        attached.attachments = [AttachmentRecord(url: "https://a.example/att.pdf", name: "附件1", type: .pdf, sha256: "sha256:00",
                                                 text: "数字经济核心产业增加值占比达到百分之十。", textSimplified: "数字经济核心产业增加值占比达到百分之十。",
                                                 facts: [])]
        var undated = Pages.page("https://a.example/undated", title: "COVID-19 防控指引", text: "Docwatch watches 2026 pages.", at: 30)
        undated.document.published = nil
        return [
            Pages.page("https://a.example/1", title: "浙江发布数字经济政策", text: "推动产业链协同发展。", at: 0),
            traditional,
            Pages.page("https://a.example/3", title: "江西农业", text: "春耕生产有序进行，业务平稳。", at: 40),
            Pages.page("https://a.example/long", title: "工作报告", text: longText, at: 50),
            attached,
            undated,
        ]
    }()

    func urls(_ request: SearchRequest, on store: any DocumentStore) throws -> [String] {
        try store.search(request).map(\.url)
    }
}

@Suite("PostgreSQL search", .enabled(if: PostgresTestDatabase.isAvailable))
struct PostgresSearchTests {
    /// Queries as the CLI passes them (already Simplified), by what they exercise.
    static let queries: [(name: String, text: String)] = [
        ("one character inside words", "业"), ("one character ending a run", "农"), ("two characters", "复工"),
        ("a province", "江苏"), ("a four-character word", "复工复产"), ("a word only past 16,383 tokens", "全面推动复工复产"),
        ("two terms", "春耕 生产"), ("a term in an attachment only", "核心产业"), ("a latin word", "docwatch"),
        ("latin with a hyphen", "covid-19"), ("a number", "2026"), ("a lone quote", "'"), ("tsquery operators", "&|!"),
        ("a prefix marker", "复工:*"), ("a phrase operator", "<-> 复工"), ("a backslash", "\\"), ("parentheses", "(江苏)"),
        ("nothing matching", "上海"), ("half a bigram pair", "苏推"),
    ]

    @Test("every query finds the same documents on PostgreSQL as on SQLite")
    func sameSetAsSQLite() throws {
        let twins = try SearchTwins(SearchTwins.pages)
        for query in Self.queries {
            let request = SearchRequest(text: query.text, limit: 50)
            let expected = Set(try twins.urls(request, on: twins.sqlite.database))
            #expect(Set(try twins.urls(request, on: twins.postgres)) == expected, "\(query.name): \(query.text)")
        }
    }

    @Test("one- and two-character Chinese terms and Traditional pages found by Simplified queries")
    func shortTermsAndTraditionalPages() throws {
        let twins = try SearchTwins(SearchTwins.pages)
        #expect(try twins.urls(SearchRequest(text: "复工"), on: twins.postgres).sorted() == ["https://a.example/long", "https://t.example/1"])
        #expect(try twins.urls(SearchRequest(text: "江苏"), on: twins.postgres) == ["https://t.example/1"])
        #expect(try twins.urls(SearchRequest(text: "业"), on: twins.postgres).contains("https://a.example/3"))
        let hit = try #require(try twins.postgres.search(SearchRequest(text: "复工率")).first)
        #expect(hit.url == "https://t.example/1")
        #expect(hit.snippet.contains("«復工率»"), "the snippet is cut from the stored Traditional text")
        let attachment = try #require(try twins.postgres.search(SearchRequest(text: "核心产业")).first)
        #expect(attachment.snippet.contains("«核心产业»"), "a term found only in an attachment gets its snippet from there")
    }

    @Test("a title match ranks above a body match")
    func titleBeatsBody() throws {
        let twins = try SearchTwins([
            Pages.page("https://r.example/body", title: "通知", text: "关于数据要素市场建设的意见，数据要素是关键。", at: 0),
            Pages.page("https://r.example/title", title: "数据要素市场建设", text: "全文如下。", at: 10),
        ])
        let hits = try twins.postgres.search(SearchRequest(text: "数据要素"))
        #expect(hits.map(\.url) == ["https://r.example/title", "https://r.example/body"])
        #expect(hits[0].score > hits[1].score)
    }

    @Test("without text: newest first in SQLite's order; source, date and fact filters as on SQLite")
    func listingAndFilters() throws {
        var pages: [IngestedPage] = []
        for (index, published) in ["2026-11-01", "2026-10-31", "2026-11-01T07:00:00+08:00", "not a date", "2026-02-30T10:00:00Z", nil, "2026-02-30T23:00:00-08:00", "2026-11-01 24:00"]
            .enumerated() {
            var page = Pages.page("https://d.example/\(index)", title: "文章\(index)", text: "第\(index)篇正文，内容各不相同。",
                                  at: Double(index) * 86_400, source: index.isMultiple(of: 2) ? "even" : "odd",
                                  facts: index == 1 ? [Fact(kind: .quantity, text: "5亿元", offset: 0)] : [])
            page.document.published = published
            pages.append(page)
        }
        let twins = try SearchTwins(pages)
        let midnight = try #require(Timestamp.parse("2026-11-01T00:00:00Z"))
        let rolledOver = try #require(Timestamp.parse("2026-03-02T10:00:00Z"))
        let requests: [(String, SearchRequest)] = [
            ("all", SearchRequest(limit: 50)), ("limited", SearchRequest(limit: 2)), ("source", SearchRequest(source: "odd")),
            ("since", SearchRequest(since: midnight)), ("until", SearchRequest(until: midnight)),
            ("since a rolled-over day", SearchRequest(since: rolledOver)),
            ("fact", SearchRequest(factKind: .quantity)), ("text and source", SearchRequest(text: "正文", source: "even")),
            ("text and date", SearchRequest(text: "正文", since: midnight)),
        ]
        for (name, request) in requests {
            let expected = try twins.urls(request, on: twins.sqlite.database)
            let actual = try twins.urls(request, on: twins.postgres)
            if request.text == nil {
                #expect(actual == expected, "\(name)")
            } else {
                #expect(Set(actual) == Set(expected), "\(name)")
            }
        }
    }

    @Test("duplicates are left out")
    func duplicatesLeftOut() throws {
        let page = Pages.page("https://dup.example/1", title: "江苏推进复工复产", text: "全省复工。")
        var copy = page
        copy.url = "https://dup.example/2"
        let twins = try SearchTwins([page, copy])
        #expect(try twins.urls(SearchRequest(text: "复工"), on: twins.postgres) == ["https://dup.example/1"])
        #expect(try twins.urls(SearchRequest(), on: twins.postgres) == ["https://dup.example/1"])
    }
}
