@testable import DocWatchFetch
import Testing

/// Each step of the charset order, and the repairs Chinese pages need.
@Suite struct CharsetDecoderTests {
    /// 江苏 in GB18030 (also valid GBK/GB2312).
    static let jiangsuGB: [UInt8] = [0xBD, 0xAD, 0xCB, 0xD5]
    /// 臺灣 in Big5.
    static let taiwanBig5: [UInt8] = [0xBB, 0x4F, 0xC6, 0x57]

    static func html(meta: String = "", body: [UInt8]) -> [UInt8] {
        Array("<html><head>\(meta)</head><body><p>".utf8) + body + Array("</p></body></html>".utf8)
    }

    @Test func forcedCharsetWinsOverEverything() {
        let bytes = Self.html(meta: "<meta charset=\"utf-8\">", body: Self.jiangsuGB)
        let decoded = CharsetDecoder.decode(bytes, contentType: "text/html; charset=utf-8", forced: "gbk")
        #expect(decoded.detectedBy == .forced)
        #expect(decoded.text.contains("江苏"))
    }

    @Test func headerCharsetComesNext() {
        let bytes = Self.html(meta: "<meta charset=\"big5\">", body: Self.jiangsuGB)
        let decoded = CharsetDecoder.decode(bytes, contentType: "text/html; charset=GB2312", forced: nil)
        #expect(decoded.detectedBy == .header)
        #expect(decoded.charset == "GB18030")
        #expect(decoded.text.contains("江苏"))
    }

    @Test func byteOrderMarkBeatsTheMetaTag() {
        let bytes = [0xEF, 0xBB, 0xBF] + Self.html(meta: "<meta charset=\"gbk\">", body: Array("江苏".utf8))
        let decoded = CharsetDecoder.decode(bytes, contentType: "text/html", forced: nil)
        #expect(decoded.detectedBy == .bom)
        #expect(decoded.text.hasPrefix("<html>"))
        #expect(decoded.text.contains("江苏"))
    }

    @Test(arguments: [
        "<meta charset=\"gb2312\">",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">",
        "<META HTTP-EQUIV='content-type' CONTENT='text/html;charset=x-gbk'>",
    ])
    func metaTagInTheFirst4KiB(meta: String) {
        let decoded = CharsetDecoder.decode(Self.html(meta: meta, body: Self.jiangsuGB), contentType: nil, forced: nil)
        #expect(decoded.detectedBy == .meta)
        #expect(decoded.text.contains("江苏"))
    }

    @Test func metaTagAfter4KiBIsNotRead() {
        let padding = "<!--" + String(repeating: "x", count: 4200) + "-->"
        let bytes = Array("<html><head>\(padding)<meta charset=\"big5\"></head><body>plain</body></html>".utf8)
        #expect(CharsetDecoder.decode(bytes, contentType: nil, forced: nil).detectedBy != .meta)
    }

    @Test func detectorGuessesUndeclaredChinese() {
        let sentence = "江苏省工业和信息化厅副厅长介绍，目前全省规模以上工业企业复工面已经提升至百分之九十九点七，人员返岗率也在提升。"
        let bytes = Array("<html><body><p>".utf8) + Self.encodeGB(sentence) + Array("</p></body></html>".utf8)
        let decoded = CharsetDecoder.decode(bytes, contentType: nil, forced: nil)
        #expect(decoded.detectedBy == .detector)
        #expect(decoded.text.contains("江苏省工业和信息化厅"))
    }

    @Test func undeclaredValidUTF8IsUTF8EvenWhenShort() {
        let bytes = Array("<html><body><p>a \u{2028} b</p></body></html>".utf8)
        let decoded = CharsetDecoder.decode(bytes, contentType: nil, forced: nil)
        #expect(decoded.charset == "UTF-8")
        #expect(decoded.text.contains("\u{2028}"))
    }

    @Test func plainASCIIFallsBackToUTF8() {
        let decoded = CharsetDecoder.decode(Array("<html><body>hello</body></html>".utf8), contentType: nil, forced: nil)
        #expect(decoded.detectedBy == .default)
        #expect(decoded.charset == "UTF-8")
    }

    @Test func gbDeclaredPageThatIsUTF8DecodesAsUTF8() {
        let bytes = Self.html(meta: "<meta charset=\"gb2312\">", body: Array("江苏".utf8))
        let decoded = CharsetDecoder.decode(bytes, contentType: nil, forced: nil)
        #expect(decoded.charset == "UTF-8")
        #expect(decoded.text.contains("江苏"))
    }

    @Test func big5DecodesAsBig5HKSCS() {
        let decoded = CharsetDecoder.decode(Self.html(meta: "<meta charset=\"big5\">", body: Self.taiwanBig5), contentType: nil, forced: nil)
        #expect(decoded.charset == "BIG5-HKSCS")
        #expect(decoded.text.contains("臺灣"))
    }

    @Test func invalidBytesBecomeReplacementCharacters() {
        let bytes = Self.html(meta: "<meta charset=\"gbk\">", body: Self.jiangsuGB + [0xFF] + Self.jiangsuGB)
        let decoded = CharsetDecoder.decode(bytes, contentType: nil, forced: nil)
        #expect(decoded.text.contains("江苏\u{FFFD}江苏"))
    }

    @Test func textGarbledByAWindows1252DecodeUpstreamIsRepaired() {
        // GB18030 bytes of 江苏 read as Latin-1 and stored as UTF-8: "½­ËÕ" over and over.
        let garbled = String(String.UnicodeScalarView(Array(repeating: Self.jiangsuGB, count: 10).joined().compactMap { Unicode.Scalar(UInt32($0)) }))
        let bytes = Array("<html><head><meta charset=\"utf-8\"></head><body><p>\(garbled)</p></body></html>".utf8)
        let decoded = CharsetDecoder.decode(bytes, contentType: nil, forced: nil)
        #expect(decoded.text.contains(String(repeating: "江苏", count: 10)))
    }

    @Test func latinTextIsNotTakenForMojibake() {
        let french = String(repeating: "Le président a déclaré à la presse qu'il était très satisfait des négociations menées à Genève. ", count: 5)
        let decoded = CharsetDecoder.decode(Array("<html><body><p>\(french)</p></body></html>".utf8), contentType: nil, forced: nil)
        #expect(decoded.text.contains(french))
    }

    @Test func unknownLabelsFallThroughToTheNextStep() {
        let bytes = Self.html(meta: "<meta charset=\"gbk\">", body: Self.jiangsuGB)
        let decoded = CharsetDecoder.decode(bytes, contentType: "text/html; charset=no-such-charset", forced: "also-unknown")
        #expect(decoded.detectedBy == .meta)
    }

    /// GB18030 bytes of `text`, through the decoder's own iconv wrapper in reverse.
    static func encodeGB(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        for scalar in text.unicodeScalars {
            for candidate in gbTable where candidate.0 == scalar {
                out += candidate.1
            }
        }
        return out
    }

    /// The few characters `detectorGuessesUndeclaredChinese` uses, with their GB2312 codes.
    static let gbTable: [(Unicode.Scalar, [UInt8])] = {
        var table: [(Unicode.Scalar, [UInt8])] = []
        // Decode every two-byte GB2312 code once and keep the ones the sentence needs.
        let wanted = Set("江苏省工业和信息化厅副长介绍，目前全规模以上企复面已经提升至百分之九十七点人员返岗率也在。".unicodeScalars)
        for high in UInt8(0xB0)...UInt8(0xF7) {
            for low in UInt8(0xA1)...UInt8(0xFE) {
                guard let scalar = Charset(label: "gb2312")?.decode([high, low]).unicodeScalars.first, wanted.contains(scalar) else { continue }
                table.append((scalar, [high, low]))
            }
        }
        table.append(("，", [0xA3, 0xAC]))
        table.append(("。", [0xA1, 0xA3]))
        return table
    }()
}
