import DocWatchCore
@testable import DocWatchExtract
import Foundation
import Testing

/// Attachment text from files made by real generators (see `Fixtures/Attachments/make-fixtures.py`).
@Suite("Attachment text", .serialized)
struct DocumentTextReaderTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/Attachments")
        return [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let file: String
        let type: AttachmentType
        let lines: [String]
        var testDescription: String { "\(file) (\(type.rawValue))" }
    }

    static let cases: [Case] = [
        Case(file: "notice.pdf", type: .pdf, lines: ["关于推进制造业数字化转型的实施意见", "光伏组件产能提升至120万千瓦。"]),
        Case(file: "measures.docx", type: .docx, lines: ["苏工信规〔2024〕3号", "对每个项目补助不超过500万元。", "项目名称", "补助金额"]),
        Case(file: "companies.xlsx", type: .xlsx, lines: ["企业名称\t所在地区\t投资额（万元）", "苏州新能源股份有限公司\t苏州市\t4500"]),
        Case(file: "notice.ofd", type: .ofd, lines: ["浙江省财政厅关于下达补助资金的通知", "下达资金1200万元"]),
        Case(file: "measures.doc", type: .doc, lines: ["江苏省工业和信息化厅关于印发专项资金管理办法的通知", "苏工信规〔2024〕3号"]),
        // Kingsoft's WPS is the Word binary format: the same bytes read as WPS.
        Case(file: "measures.doc", type: .wps, lines: ["对每个项目补助不超过500万元。"]),
        Case(file: "companies.xls", type: .xls, lines: ["企业名称\t投资额", "杭州数智有限公司\t2800"]),
        Case(file: "companies.xls", type: .et, lines: ["杭州数智有限公司\t2800"]),
    ]

    @Test("each format's text comes out, Chinese included, one paragraph or row a line", arguments: cases)
    func readsText(_ item: Case) async throws {
        let bytes = try Self.fixture(item.file)
        #expect(AttachmentType.detect(bytes, name: "x." + item.type.rawValue, contentType: nil) == item.type)
        let text = try await DocumentTextReader().text(of: bytes, type: item.type)
        let lines = text.split(separator: "\n").map(String.init)
        for line in item.lines {
            #expect(lines.contains(line), "\(line) in \(lines)")
        }
    }

    @Test("a type is recognised from bytes alone: PDF, DOCX, XLSX, OFD, and OLE2 Word vs workbook by stream names")
    func detectsFromBytes() throws {
        for (file, type) in [("notice.pdf", AttachmentType.pdf), ("measures.docx", .docx), ("companies.xlsx", .xlsx),
                             ("notice.ofd", .ofd), ("measures.doc", .doc), ("companies.xls", .xls)] {
            #expect(AttachmentType.detect(try Self.fixture(file), name: nil, contentType: "application/octet-stream") == type, "\(file)")
        }
        #expect(AttachmentType.detect(Array("<html></html>".utf8), name: "a.pdf", contentType: "application/pdf") == nil)
    }

    @Test("a broken zip is an error that says so, not a crash")
    func brokenZip() async throws {
        let bytes = Array(try Self.fixture("measures.docx").prefix(200))
        await #expect(throws: DocumentTextError.self) { try await DocumentTextReader().text(of: bytes, type: .docx) }
    }
}
