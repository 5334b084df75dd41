import DocWatchCore
import DocWatchTestSupport
import Foundation
import Testing

/// Attachments through the binary: an article linking a PDF and a `downfile.jsp` DOCX, their text
/// searched and diffed; a source URL that is itself a PDF. The files are the committed fixtures,
/// made by reportlab and python-docx (`Tests/DocWatchExtractTests/Fixtures/Attachments/make-fixtures.py`).
@Suite("End to end: attachments", .serialized)
struct AttachmentEndToEndTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("DocWatchExtractTests/Fixtures/Attachments")
        return [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static let article = Fixtures.article(
        title: "省工信厅发布两项制造业政策文件", site: "江苏省工业和信息化厅",
        paragraphs: [
            "为推进制造业数字化转型，现将有关文件公布如下，请认真贯彻执行。",
            "附件：<a href=\"/files/notice.pdf\">关于推进制造业数字化转型的实施意见</a>",
            "附件：<a href=\"/module/download/downfile.jsp?classid=0&id=5012\">专项资金管理办法</a>",
        ], charset: "utf-8")

    @Test("an article's PDF and downfile.jsp DOCX: show lists both, query finds attachment text, a changed PDF is document.changed")
    func articleWithAttachments() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let space = try Workspace()
        server.set(path: "/a.html", headers: ["Content-Type": "text/html; charset=utf-8"], body: Self.article)
        server.set(path: "/files/notice.pdf", headers: ["Content-Type": "application/pdf"], body: try Self.fixture("notice.pdf"))
        server.set(path: "/module/download/downfile.jsp", headers: [
            "Content-Type": "application/octet-stream",
            "Content-Disposition": "attachment; filename*=UTF-8''%E4%B8%93%E9%A1%B9%E8%B5%84%E9%87%91%E7%AE%A1%E7%90%86%E5%8A%9E%E6%B3%95.docx",
        ], body: try Self.fixture("measures.docx"))
        try space.writeConfig(sources: pageSource("a", server.url("/a.html")))
        let first = try await space.run(["fetch"])
        #expect(first.status == 0, "\(first.stderr)")

        let shown = try #require(try Workspace.jsonLines(try await space.run(["show", "1", "--json"]).stdout).first)
        let attachments = try #require(shown["attachments"] as? [[String: Any]])
        #expect(attachments.map { $0["name"] as? String } == ["关于推进制造业数字化转型的实施意见", "专项资金管理办法"])
        #expect(attachments.map { $0["type"] as? String } == ["pdf", "docx"])
        #expect(attachments.map { $0["url"] as? String } == [
            server.url("/files/notice.pdf"), server.url("/module/download/downfile.jsp?classid=0&id=5012"),
        ])
        #expect(attachments.allSatisfy { ($0["chars"] as? Int ?? 0) > 20 })
        // Facts come from the attachments too: the DOCX's document number.
        let facts = (shown["facts"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        #expect(facts.contains("苏工信规〔2024〕3号"), "\(facts)")

        // 光伏组件 is only in the PDF, 补助不超过 only in the DOCX.
        for (term, fragment) in [("光伏组件", "«光伏组件»产能提升至120万千瓦"), ("补助不超过", "«补助不超过»500万元")] {
            let hits = try Workspace.jsonLines(try await space.run(["query", term, "--json"]).stdout)
            #expect(hits.count == 1 && hits.first?["document"] as? Int == 1, "\(term): \(hits)")
            #expect((hits.first?["snippet"] as? String)?.contains(fragment) == true, "\(hits)")
        }

        // The same page with a revised PDF: a new version, its diff naming the attachment's change.
        server.set(path: "/files/notice.pdf", headers: ["Content-Type": "application/pdf"], body: try Self.fixture("notice-revised.pdf"))
        #expect(try await space.run(["fetch"]).status == 0)
        let events = try space.events()
        #expect(events.map(\.type) == [.documentNew, .documentChanged])
        let changed = try #require(events.last?.diff)
        #expect(changed.added == 1 && changed.removed == 1, "\(changed)")
        let diffFile = try String(contentsOfFile: space.logDir + "/" + changed.file, encoding: .utf8)
        #expect(diffFile.contains("-光伏组件产能提升至120万千瓦。") && diffFile.contains("+光伏组件产能提升至150万千瓦。"), "\(diffFile)")

        // Nothing changed: unchanged, no converter run needed for bytes already stored.
        #expect(try await space.run(["fetch"]).status == 0)
        #expect(try space.events().count == 2)
    }

    @Test("a source whose URL is a PDF or a DOCX is a document with the file's text", arguments: [
        ("/policy.pdf", "notice.pdf", "application/pdf", "关于推进制造业数字化转型的实施意见", "规模以上工业企业数字化率达到85%"),
        ("/downfile.jsp?id=7", "measures.docx", "application/octet-stream", "江苏省工业和信息化厅关于印发专项资金管理办法的通知",
         "对每个项目补助不超过500万元。"),
    ])
    func sourceThatIsADocument(path: String, file: String, contentType: String, title: String, text: String) async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let space = try Workspace()
        server.set(path: String(path.prefix { $0 != "?" }), headers: ["Content-Type": contentType], body: try Self.fixture(file))
        try space.writeConfig(sources: pageSource("p", server.url(path)))
        let result = try await space.run(["fetch"])
        #expect(result.status == 0, "\(result.stderr)")
        let shown = try #require(try Workspace.jsonLines(try await space.run(["show", "1", "--json"]).stdout).first)
        #expect(shown["title"] as? String == title)
        #expect((shown["text"] as? String)?.contains(text) == true, "\(shown)")
        #expect(try space.events().map(\.type) == [.documentNew])
    }

    @Test("a source that answers a GIF is an error row naming the type, never a version")
    func imageAndArchiveBodies() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let space = try Workspace()
        let gif = Array("GIF89a".utf8) + [1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x21, 0xF9, 0x04]
        server.set(path: "/a.gif", headers: ["Content-Type": "image/gif"], body: gif)
        try space.writeConfig(sources: pageSource("g", server.url("/a.gif")))
        let result = try await space.run(["fetch"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("source g: image/gif body (GIF magic bytes, served as image/gif), not a web page"), "\(result.stderr)")
        #expect(try await space.run(["show", "1", "--json"]).status != 0)
        #expect(try space.events().filter { $0.type == .documentNew }.isEmpty)
    }
}
