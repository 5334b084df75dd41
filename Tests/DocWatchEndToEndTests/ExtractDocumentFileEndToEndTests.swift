import DocWatchTestSupport
import Foundation
import Testing

/// `docwatch extract` on document files, through the binary: each committed fixture (made by real
/// generators, `Tests/DocWatchExtractTests/Fixtures/Attachments/make-fixtures.py`) is told by its
/// bytes and extension and read by the pipeline's readers, as `fetch` reads a source URL that is one.
@Suite("End to end: extract document files", .serialized)
struct ExtractDocumentFileEndToEndTests {
    static func fixturePath(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("DocWatchExtractTests/Fixtures/Attachments/\(name)").path
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let file: String
        let title: String
        let lines: [String]
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "notice.pdf", title: "关于推进制造业数字化转型的实施意见", lines: ["光伏组件产能提升至120万千瓦。"]),
        Case(file: "measures.docx", title: "江苏省工业和信息化厅关于印发专项资金管理办法的通知",
             lines: ["苏工信规〔2024〕3号", "对每个项目补助不超过500万元。"]),
        Case(file: "companies.xlsx", title: "企业名称 所在地区 投资额（万元）", lines: ["苏州新能源股份有限公司\t苏州市\t4500"]),
        Case(file: "notice.ofd", title: "浙江省财政厅关于下达补助资金的通知", lines: ["下达资金1200万元"]),
        Case(file: "measures.doc", title: "江苏省工业和信息化厅关于印发专项资金管理办法的通知", lines: ["苏工信规〔2024〕3号"]),
        Case(file: "companies.xls", title: "企业名称 投资额", lines: ["杭州数智有限公司\t2800"]),
    ]

    @Test("a PDF, DOCX, XLSX, OFD, DOC or XLS file: extract --json prints its title and text", arguments: cases)
    func documentFile(_ item: Case) async throws {
        let result = try await DocWatchProcess.run(["extract", "--json", Self.fixturePath(item.file)])
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(try Workspace.jsonLines(result.stdout).first)
        #expect(line["file"] as? String == Self.fixturePath(item.file))
        #expect(line["title"] as? String == item.title, "\(line)")
        let lines = (line["text"] as? String ?? "").split(separator: "\n").map(String.init)
        for expected in item.lines {
            #expect(lines.contains(expected), "\(expected) in \(lines)")
        }
    }

    @Test("a DOC saved as .wps is read as WPS; facts come from a DOCX's text")
    func extensionAndFacts() async throws {
        let space = try Workspace()
        let folder = space.directory
        let wps = folder.path + "/measures.wps"
        try FileManager.default.copyItem(atPath: Self.fixturePath("measures.doc"), toPath: wps)
        let result = try await DocWatchProcess.run(["extract", "--json", wps, Self.fixturePath("measures.docx")])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try Workspace.jsonLines(result.stdout)
        #expect(lines.count == 2)
        #expect((lines.first?["text"] as? String)?.contains("对每个项目补助不超过500万元。") == true, "\(lines)")
        let facts = (lines.last?["facts"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        #expect(facts.contains("苏工信规〔2024〕3号"), "\(facts)")
    }

    @Test("a broken DOCX exits 66 naming the file and the format; the HTML file beside it is still extracted")
    func brokenDocumentFile() async throws {
        let space = try Workspace()
        let folder = space.directory
        let broken = folder.path + "/broken.docx"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.fixturePath("measures.docx"))).prefix(200)
        try Data(bytes).write(to: URL(fileURLWithPath: broken))
        let html = folder.path + "/page.html"
        try Data("<html><head><title>通知</title></head><body><p>正文</p></body></html>".utf8).write(to: URL(fileURLWithPath: html))
        let result = try await DocWatchProcess.run(["extract", "--json", broken, html])
        #expect(result.status == 66)
        #expect(result.stderr.contains("docwatch extract: cannot read \(broken) as DOCX: "), "\(result.stderr)")
        let lines = try Workspace.jsonLines(result.stdout)
        #expect(lines.map { $0["file"] as? String } == [html])
    }
}
