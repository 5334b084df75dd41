import DocWatchTestSupport
import Foundation
import Testing

/// Issue 9 item 7 as a user meets it: the bylines news, blog and forum pages put in their text or meta
/// tags come out of `extract --json` as `authors` (people only, never 责任编辑), and a forum poster line
/// gives the date too.
@Suite("End to end: bylines of news, blog and forum pages")
struct BylineEndToEndTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        /// The first paragraph of the body, or nil for a byline in a meta tag.
        let lead: String?
        let metaAuthor: String?
        let authors: [String]
        let published: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a news agency dateline", lead: "据新华社拉萨电（记者 格桑边觉）西藏各地青稞进入收获期。", metaAuthor: nil,
             authors: ["格桑边觉"], published: nil),
        Case(name: "two reporters glued to 本报记者 … 发自", lead: "本报记者罗科苏盈发自北京", metaAuthor: nil,
             authors: ["罗科", "苏盈"], published: nil),
        Case(name: "an outlet's reporter /文", lead: "河南商报记者马俊峰/文", metaAuthor: nil, authors: ["马俊峰"], published: nil),
        Case(name: "a meta author tag", lead: nil, metaAuthor: "李华", authors: ["李华"], published: nil),
        Case(name: "a blog's 作者 nickname", lead: "作者：芊草凡凡", metaAuthor: nil, authors: ["芊草凡凡"], published: nil),
        Case(name: "a forum poster line: the poster and the time", lead: "本贴由大卫于2005年8月12日16:12:21在【经济论坛】发表",
             metaAuthor: nil, authors: ["大卫"], published: "2005-08-12T16:12:21+08:00"),
    ]

    static func page(_ testCase: Case) -> String {
        let meta = testCase.metaAuthor.map { "<meta name=\"author\" content=\"\($0)\">" } ?? ""
        let lead = testCase.lead.map { "<p>\($0)</p>" } ?? ""
        return """
            <html><head><meta charset="utf-8">\(meta)<title>西藏青稞喜获丰收</title></head><body>
            <h1>西藏青稞喜获丰收</h1><div class="article">\(lead)
            <p>今年西藏青稞播种面积达到220万亩，预计产量增长百分之五以上，农牧民收入持续提高，各地抓紧抢收抢晒。</p>
            <p>自治区农业农村厅表示，将继续推广良种良法，加强农机服务，确保颗粒归仓，为农牧民增收打下坚实基础。</p>
            <p>责任编辑：王明</p></div></body></html>
            """
    }

    @Test("extract --json names the people of the byline, never the 责任编辑", arguments: cases)
    func bylines(_ testCase: Case) async throws {
        let space = try Workspace()
        let path = space.directory.appendingPathComponent("page.html").path
        try Self.page(testCase).write(toFile: path, atomically: true, encoding: .utf8)
        let result = try await DocWatchProcess.run(["extract", "--json", path])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try Workspace.jsonLines(result.stdout).first)
        #expect(object["authors"] as? [String] == testCase.authors)
        #expect(object["published"] as? String == testCase.published)
        #expect(object["editor"] as? String == "王明")
    }
}
