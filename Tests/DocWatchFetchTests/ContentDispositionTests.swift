@testable import DocWatchFetch
import Testing

@Suite("Content-Disposition file names")
struct ContentDispositionTests {
    /// `专项.docx` in GBK: D7 A8 CF EE.
    static let gbkBytes: [UInt8] = [0xD7, 0xA8, 0xCF, 0xEE] + Array(".docx".utf8)

    @Test("RFC 5987, quoted, percent-encoded UTF-8 and GBK, raw GBK bytes, folders stripped", arguments: [
        ("attachment; filename*=UTF-8''%E4%B8%93%E9%A1%B9.docx", "专项.docx"),
        ("attachment; filename=\"fallback.docx\"; filename*=utf-8''%E4%B8%93%E9%A1%B9.docx", "专项.docx"),
        ("attachment; filename*=gbk''%D7%A8%CF%EE.docx", "专项.docx"),
        ("attachment; filename=\"%E4%B8%93%E9%A1%B9.pdf\"", "专项.pdf"),
        ("attachment; filename=%D7%A8%CF%EE.pdf", "专项.pdf"),
        ("attachment;filename=\"C:\\\\temp\\\\专项.xls\"", "专项.xls"),
        ("inline; filename=\"a \\\"b\\\".pdf\"", "a \"b\".pdf"),
        ("attachment; filename=" + String(gbkBytes.map { Character(Unicode.Scalar($0)) }), "专项.docx"),
    ])
    func names(header: String, expected: String) {
        #expect(ContentDisposition.filename(header) == expected)
    }

    @Test("no file name", arguments: ["attachment", "inline; size=3", "attachment; filename=\"\""])
    func none(header: String) {
        #expect(ContentDisposition.filename(header) == nil)
    }
}
