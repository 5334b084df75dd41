import DocWatchCore
import Foundation
import Testing
@testable import DocWatchExtract

/// `kind = "json"`: list endpoints that answer JSON, read through configured dotted paths.
@Suite("Listing entry point: JSON answers")
struct ListingJSONTests {
    static let url = "https://www.miit.gov.cn/search-front-server/api/search/info?websiteid=110000000000000&pg=10&p=1"
    static let miitPaths = JSONItemPaths(
        items: "data.searchResult.dataResults", link: "groupData.0.data.url", title: "groupData.0.data.title",
        published: "groupData.0.data.deploytime")

    /// The shape of MIIT's policy search answer: items at data.searchResult.dataResults[*].groupData[0].data.
    static func miit(_ items: [(url: String, title: String, time: String)]) -> String {
        let results = items.map { item in
            #"{"groupData":[{"data":{"url":"\#(item.url)","title":"\#(item.title)","deploytime":\#(item.time)}}],"score":1}"#
        }
        return #"{"success":true,"data":{"searchResult":{"total":\#(items.count),"dataResults":[\#(results.joined(separator: ","))]}}}"#
    }

    @Test("MIIT's answer: relative and absolute links, titles, epoch milliseconds as Shanghai time")
    func miitAnswer() throws {
        let body = Self.miit([
            ("/zwgk/zcwj/wjfb/tz/art/2024/art_1.html", "关于印发《工业领域碳达峰实施方案》的通知", "1722300000000"),
            ("https://www.miit.gov.cn/zwgk/zcwj/wjfb/gg/art/2024/art_2.html", "公告", "1722300000"),
            ("/zwgk/zcwj/wjfb/tz/art/2024/art_1.html", "重复", "1722300000000"),
        ])
        let listing = try ListingFixtures.read(.json, body, url: Self.url, paths: Self.miitPaths)
        #expect(listing.links == [
            DiscoveredLink(url: "https://www.miit.gov.cn/zwgk/zcwj/wjfb/tz/art/2024/art_1.html",
                           title: "关于印发《工业领域碳达峰实施方案》的通知", published: "2024-07-30T08:40:00+08:00"),
            DiscoveredLink(url: "https://www.miit.gov.cn/zwgk/zcwj/wjfb/gg/art/2024/art_2.html",
                           title: "公告", published: "2024-07-30T08:40:00+08:00"),
        ])
    }

    struct DateCase: CustomTestStringConvertible, Sendable {
        let name: String
        let value: String
        let expected: String
        var testDescription: String { name }
    }

    static let dates: [DateCase] = [
        .init(name: "epoch milliseconds", value: "1722300000000", expected: "2024-07-30T08:40:00+08:00"),
        .init(name: "epoch seconds", value: "1722300000", expected: "2024-07-30T08:40:00+08:00"),
        .init(name: "epoch seconds as a string", value: #""1722300000""#, expected: "2024-07-30T08:40:00+08:00"),
        .init(name: "date and time text without a zone", value: #""2024-07-30 09:15:00""#, expected: "2024-07-30T09:15:00+08:00"),
        .init(name: "ISO 8601 with its zone", value: #""2024-07-30T01:15:00Z""#, expected: "2024-07-30T01:15:00+00:00"),
        .init(name: "date only", value: #""2024/7/30""#, expected: "2024-07-30"),
        .init(name: "Chinese date", value: #""2024年7月30日""#, expected: "2024-07-30"),
        .init(name: "yyyymmdd digits", value: #""20240730""#, expected: "2024-07-30"),
    ]

    @Test("published: epoch seconds, milliseconds or a date text, as ISO 8601 in Asia/Shanghai", arguments: dates)
    func published(_ example: DateCase) throws {
        let body = #"{"list":[{"href":"a.html","t":\#(example.value)}]}"#
        let listing = try ListingFixtures.read(.json, body, url: "https://www.example.gov.cn/api/list",
                                               paths: JSONItemPaths(items: "list", link: "href", published: "t"))
        #expect(listing.links.first?.published == example.expected)
    }

    struct PathCase: CustomTestStringConvertible, Sendable {
        let name: String
        let paths: JSONItemPaths
        let body: String
        let error: ListingError
        var testDescription: String { name }
    }

    static let pathErrors: [PathCase] = [
        .init(name: "items path finds nothing", paths: JSONItemPaths(items: "data.searchResult.dataResult", link: "url"),
              body: #"{"data":{"searchResult":{"dataResults":[]}}}"#,
              error: .jsonPathNotFound(path: "data.searchResult.dataResult", within: "the answer")),
        .init(name: "items path past the end of an array", paths: JSONItemPaths(items: "pages.3", link: "url"),
              body: #"{"pages":[[{"url":"a"}]]}"#, error: .jsonPathNotFound(path: "pages.3", within: "the answer")),
        .init(name: "items path finds an object", paths: JSONItemPaths(items: "data", link: "url"),
              body: #"{"data":{"url":"a"}}"#, error: .jsonPathNotArray(path: "data", found: "an object")),
        .init(name: "link path finds nothing in any item", paths: JSONItemPaths(items: "list", link: "groupData.1.data.url"),
              body: #"{"list":[{"groupData":[{"data":{"url":"a"}}]}]}"#,
              error: .jsonPathNotFound(path: "groupData.1.data.url", within: "any of the 1 items at 'list'")),
        .init(name: "title path finds nothing in any item", paths: JSONItemPaths(items: "list", link: "url", title: "name"),
              body: #"{"list":[{"url":"a","title":"x"},{"url":"b"}]}"#,
              error: .jsonPathNotFound(path: "name", within: "any of the 2 items at 'list'")),
        .init(name: "not JSON at all", paths: JSONItemPaths(items: "list", link: "url"),
              body: "<html>登录</html>", error: .malformedJSON("")),
    ]

    @Test("a path that finds nothing is an error naming the path", arguments: pathErrors)
    func pathError(_ example: PathCase) {
        #expect {
            _ = try ListingFixtures.read(.json, example.body, url: "https://www.example.gov.cn/api/list", paths: example.paths)
        } throws: { error in
            guard let error = error as? ListingError else { return false }
            if case .malformedJSON = example.error, case .malformedJSON = error { return true }
            return error == example.error && error.description.contains("'\(example.error.pathName ?? "")'")
        }
    }

    @Test("an item without a link is skipped, the others kept")
    func itemWithoutLink() throws {
        let body = #"{"list":[{"url":"a.html"},{"title":"no link"},{"url":null},{"url":"b.html"}]}"#
        let listing = try ListingFixtures.read(.json, body, url: "https://www.example.gov.cn/api/list",
                                               paths: JSONItemPaths(items: "list", link: "url"))
        #expect(listing.links.map(\.url) == ["https://www.example.gov.cn/api/a.html", "https://www.example.gov.cn/api/b.html"])
    }

    @Test("an answer with no items fails the source, saying what to check")
    func emptyItems() {
        #expect {
            _ = try ListingFixtures.read(.json, #"{"data":{"searchResult":{"dataResults":[]}}}"#, url: Self.url, paths: Self.miitPaths)
        } throws: { error in
            guard let error = error as? ListingError, case .noArticleLinks = error else { return false }
            return error.description.contains("items and link paths")
        }
    }
}

extension ListingError {
    /// The path a JSON path error names.
    var pathName: String? {
        switch self {
        case .jsonPathNotFound(let path, _), .jsonPathNotArray(let path, _): path
        default: nil
        }
    }
}
