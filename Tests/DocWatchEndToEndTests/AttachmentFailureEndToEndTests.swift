import DocWatchCore
import DocWatchTestSupport
import Foundation
import Testing

/// Attachments that fail on a later poll, through the binary: each leaves a fetch-log row naming the
/// attachment's URL and the reason (`docwatch log`), and the stored copy stays with the document.
@Suite("End to end: attachment failures", .serialized)
struct AttachmentFailureEndToEndTests {
    static let article = Fixtures.article(
        title: "省工信厅发布三项制造业政策文件", site: "江苏省工业和信息化厅",
        paragraphs: [
            "为推进制造业数字化转型，现将有关文件公布如下，请认真贯彻执行。",
            "附件：<a href=\"/files/notice.pdf\">关于推进制造业数字化转型的实施意见</a>",
            "附件：<a href=\"/files/companies.xlsx\">重点企业名单</a>",
            "附件：<a href=\"/files/notice.ofd\">实施意见（版式文件）</a>",
        ], charset: "utf-8")

    @Test("an attachment answered 500, too large or unreadable: a fetch-log row with its URL and reason, the stored copy kept")
    func failedAttachmentsAreLogged() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let space = try Workspace()
        server.set(path: "/a.html", headers: ["Content-Type": "text/html; charset=utf-8"], body: Self.article)
        server.set(path: "/files/notice.pdf", headers: ["Content-Type": "application/pdf"],
                   body: try AttachmentEndToEndTests.fixture("notice.pdf"))
        server.set(path: "/files/companies.xlsx", headers: ["Content-Type": "application/octet-stream"],
                   body: try AttachmentEndToEndTests.fixture("companies.xlsx"))
        server.set(path: "/files/notice.ofd", headers: ["Content-Type": "application/ofd"],
                   body: try AttachmentEndToEndTests.fixture("notice.ofd"))
        try space.writeConfig(sources: pageSource("a", server.url("/a.html")), http: "max_body = \"64KiB\"")
        let first = try await space.run(["fetch"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try await Self.errorRows(space).isEmpty)

        // The next poll: the PDF answers 500, the XLSX grew past max_body, the OFD is a broken zip.
        server.set(path: "/files/notice.pdf", status: 500, headers: ["Content-Type": "text/html"], body: "<h1>Internal Server Error</h1>")
        server.set(path: "/files/companies.xlsx", headers: ["Content-Type": "application/octet-stream"],
                   body: Array("PK\u{3}\u{4}".utf8) + [UInt8](repeating: 0x41, count: 100 * 1024))
        server.set(path: "/files/notice.ofd", headers: ["Content-Type": "application/ofd"],
                   body: Array("PK\u{3}\u{4}".utf8) + Array("not really an OFD archive".utf8))
        let second = try await space.run(["fetch"])
        #expect(second.status == 0, "\(second.stderr)")

        let rows = try await Self.errorRows(space)
        let reasons = Dictionary(rows.map { ($0["url"] as? String ?? "", $0["error"] as? String ?? "") }, uniquingKeysWith: { $1 })
        #expect(rows.count == 3, "\(rows)")
        #expect(reasons[server.url("/files/notice.pdf")] == "attachment fetch failed: HTTP 500", "\(reasons)")
        #expect(reasons[server.url("/files/companies.xlsx")]?.contains("body larger than max_body (64KiB)") == true, "\(reasons)")
        #expect(reasons[server.url("/files/notice.ofd")]?.hasPrefix("cannot read the OFD attachment: ") == true, "\(reasons)")
        #expect(rows.allSatisfy { $0["source"] as? String == "a" && $0["outcome"] as? String == "error" })
        let status500 = rows.first { $0["url"] as? String == server.url("/files/notice.pdf") }
        #expect(status500?["status"] as? Int == 500)

        // The table form names the URL and the reason on one row.
        let table = try await space.run(["log"]).stdout
        #expect(table.contains(server.url("/files/notice.pdf") + "  (attachment fetch failed: HTTP 500)"), "\(table)")

        // Stored copies kept: all three still listed with their text, and no change was reported.
        let shown = try #require(try Workspace.jsonLines(try await space.run(["show", "1", "--json"]).stdout).first)
        let attachments = try #require(shown["attachments"] as? [[String: Any]])
        #expect(attachments.map { $0["type"] as? String } == ["pdf", "xlsx", "ofd"])
        #expect(attachments.allSatisfy { ($0["chars"] as? Int ?? 0) > 20 }, "\(attachments)")
        #expect(try space.events().map(\.type) == [.documentNew])
    }

    /// The fetch log's error rows, as `docwatch log --json --outcome error` prints them.
    static func errorRows(_ space: Workspace) async throws -> [[String: Any]] {
        try Workspace.jsonLines(try await space.run(["log", "--json", "--outcome", "error"]).stdout)
    }
}
