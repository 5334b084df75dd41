import DocWatchCore
import DocWatchTestSupport
import Foundation
import Testing

/// The sniffer flags every body that cannot be a page, feed or sitemap, and no text in any charset.
@Suite("Body sniffer")
struct BodySnifferTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let body: [UInt8]
        let contentType: String?
        let expected: UnusableBody?
        var testDescription: String { name }
    }

    static let page = "<!DOCTYPE html><html><head><title>关于做好春季农业生产工作的通知</title></head><body><p>各省、自治区、直辖市人民政府：现将有关事项通知如下。</p></body></html>"

    static func utf16(_ text: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        var bytes: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let pair = [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            bytes += bigEndian ? pair : pair.reversed()
        }
        return bytes
    }

    /// Bytes that look like compressed data: every value, in a scrambled order.
    static let noise: [UInt8] = (0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 167 &+ 13) }

    static func zipHeader(_ name: String) -> [UInt8] {
        [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 22) + [UInt8(name.utf8.count), 0, 0, 0] + Array(name.utf8) + noise.prefix(40)
    }

    static let flagged: [Case] = [
        Case(name: "empty body", body: [], contentType: "text/html", expected: .empty),
        Case(name: "PDF served as text/html", body: Array("%PDF-1.4\n%âãÏÓ\n".utf8) + noise, contentType: "text/html; charset=gbk",
             expected: .format(.pdf, servedAs: "text/html")),
        Case(name: "PDF after a line feed", body: Array("\n%PDF-1.4\n".utf8) + noise, contentType: nil, expected: .format(.pdf, servedAs: nil)),
        Case(name: "PNG", body: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + noise, contentType: "text/html",
             expected: .format(.png, servedAs: "text/html")),
        Case(name: "JPEG", body: [0xFF, 0xD8, 0xFF, 0xE0] + noise, contentType: nil, expected: .format(.jpeg, servedAs: nil)),
        Case(name: "GIF", body: Array("GIF89a".utf8) + noise, contentType: nil, expected: .format(.gif, servedAs: nil)),
        Case(name: "WebP", body: Array("RIFF".utf8) + [1, 2, 0, 0] + Array("WEBPVP8 ".utf8) + noise, contentType: nil,
             expected: .format(.webp, servedAs: nil)),
        Case(name: "BMP", body: Array("BM".utf8) + [0x36, 0x10, 0, 0, 0, 0, 0, 0, 0x36, 0] + noise, contentType: nil,
             expected: .format(.bmp, servedAs: nil)),
        Case(name: "ICO", body: [0, 0, 1, 0, 1, 0, 16, 16] + noise, contentType: nil, expected: .format(.ico, servedAs: nil)),
        Case(name: "DOCX", body: zipHeader("[Content_Types].xml"), contentType: "text/html", expected: .format(.ooxml, servedAs: "text/html")),
        Case(name: "OFD", body: zipHeader("OFD.xml"), contentType: nil, expected: .format(.ofd, servedAs: nil)),
        Case(name: "plain ZIP", body: zipHeader("data/readme.txt"), contentType: nil, expected: .format(.zip, servedAs: nil)),
        Case(name: "gzip", body: [0x1F, 0x8B, 0x08, 0x00] + noise, contentType: nil, expected: .format(.gzip, servedAs: nil)),
        Case(name: "bzip2", body: Array("BZh9".utf8) + [0x31, 0x41, 0x59, 0x26, 0x53, 0x59] + noise, contentType: nil,
             expected: .format(.bzip2, servedAs: nil)),
        Case(name: "7z", body: [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C] + noise, contentType: nil, expected: .format(.sevenZip, servedAs: nil)),
        Case(name: "RAR", body: Array("Rar!".utf8) + [0x1A, 0x07, 0x01, 0x00] + noise, contentType: nil, expected: .format(.rar, servedAs: nil)),
        Case(name: "DOC/XLS/WPS (OLE2)", body: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + noise, contentType: "text/html",
             expected: .format(.ole2, servedAs: "text/html")),
        Case(name: "MP4", body: [0, 0, 0, 0x20] + Array("ftypisom".utf8) + noise, contentType: nil, expected: .format(.mp4, servedAs: nil)),
        Case(name: "image/jpeg declared, unknown binary bytes", body: [0x01, 0x02] + Array(page.utf8), contentType: "image/jpeg",
             expected: .declared("image/jpeg")),
        Case(name: "octet-stream with control bytes", body: Array("abc\u{1}def".utf8), contentType: "application/octet-stream",
             expected: .declared("application/octet-stream")),
        Case(name: "unknown binary served as text/html", body: noise, contentType: "text/html; charset=utf-8",
             expected: .binary(controlBytes: 112, of: 1024, servedAs: "text/html")),
    ]

    static let text: [Case] = [
        Case(name: "UTF-8 HTML", body: Array(page.utf8), contentType: "text/html; charset=utf-8", expected: nil),
        Case(name: "GBK HTML", body: LegacyEncoding.gbk(page), contentType: "text/html; charset=gbk", expected: nil),
        Case(name: "Big5 HTML", body: LegacyEncoding.big5("<html><body><p>關於做好春季農業生產工作的通知，請各單位遵照執行。</p></body></html>"),
             contentType: "text/html", expected: nil),
        Case(name: "UTF-16LE HTML with BOM", body: utf16(page, bigEndian: false, bom: true), contentType: "text/html", expected: nil),
        Case(name: "UTF-16BE HTML without BOM", body: utf16(page, bigEndian: true, bom: false), contentType: "text/html", expected: nil),
        Case(name: "HTML served as octet-stream", body: Array(page.utf8), contentType: "application/octet-stream", expected: nil),
        Case(name: "SVG served as image/svg+xml", body: Array("<svg xmlns=\"http://www.w3.org/2000/svg\"><text>图</text></svg>".utf8),
             contentType: "image/svg+xml", expected: nil),
        Case(name: "ISO-2022-JP escapes", body: [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x1B, 0x28, 0x42] + Array(page.utf8),
             contentType: "text/html", expected: nil),
        Case(name: "a page that starts with BM", body: Array("BMW 宝马 announced".utf8), contentType: "text/plain", expected: nil),
        Case(name: "RSS feed", body: Array("<?xml version=\"1.0\"?><rss><channel><title>动态</title></channel></rss>".utf8),
             contentType: "application/rss+xml", expected: nil),
    ]

    @Test("flags bodies that are not text", arguments: flagged)
    func flagsBinary(_ example: Case) {
        #expect(BodySniffer.unusable(example.body, contentType: example.contentType) == example.expected)
    }

    @Test("passes text in any charset", arguments: text)
    func passesText(_ example: Case) {
        #expect(BodySniffer.unusable(example.body, contentType: example.contentType) == nil)
    }

    @Test("a format the caller reads itself (a gzipped sitemap) passes")
    func allowedFormat() {
        #expect(BodySniffer.unusable([0x1F, 0x8B, 0x08, 0x00] + Self.noise, contentType: nil, allowing: [.gzip]) == nil)
    }

    @Test("messages name the content type and what was expected")
    func messages() {
        #expect(UnusableBody.empty.message(status: 200, expected: "a web page") == "empty body (HTTP 200)")
        #expect(UnusableBody.format(.pdf, servedAs: "text/html").message(status: 200, expected: "a web page")
            == "application/pdf body (PDF magic bytes, served as text/html), not a web page")
        #expect(UnusableBody.declared("image/jpeg").message(status: 200, expected: "a feed")
            == "image/jpeg body (declared Content-Type, binary bytes), not a feed")
    }
}
