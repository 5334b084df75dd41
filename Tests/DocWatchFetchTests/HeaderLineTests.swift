@testable import DocWatchFetch
import Testing

/// `HeaderLine`: how one header-callback line is read, and that the byte-wise reading of ASCII lines
/// gives what the text reading gives.
@Suite("Fetch: header lines")
struct HeaderLineTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var line: HeaderLine
        var testDescription: String { name }

        init(name: String, _ text: String, _ line: HeaderLine) {
            self.init(name: name, bytes: Array(text.utf8), line)
        }

        init(name: String, bytes: [UInt8], _ line: HeaderLine) {
            self.name = name
            self.bytes = bytes
            self.line = line
        }
    }

    static let asciiCases: [Case] = [
        Case(name: "a status line", "HTTP/1.1 304 Not Modified\r\n", .status(304)),
        Case(name: "an HTTP/2 status line", "HTTP/2 200 \r\n", .status(200)),
        Case(name: "spaces between status words", "HTTP/1.1  301  Moved\r\n", .status(301)),
        Case(name: "a status line without a reason phrase keeps its line end in the code: 0", "HTTP/1.1 304\r\n", .status(0)),
        Case(name: "a status line with no code", "HTTP/1.1\r\n", .status(0)),
        Case(name: "a status line whose code is not a number", "HTTP/1.1 abc OK\r\n", .status(0)),
        Case(name: "a field: name lower-cased, value trimmed", "ETag: \"5f-1a2b\"\r\n", .field(name: "etag", value: "\"5f-1a2b\"")),
        Case(name: "a long name and value", "Last-Modified: Mon, 01 Jan 2024 00:00:00 GMT\r\n",
             .field(name: "last-modified", value: "Mon, 01 Jan 2024 00:00:00 GMT")),
        Case(name: "mixed case and spaces around the name", " X-Powered-BY \t: a:b \r\n", .field(name: "x-powered-by", value: "a:b")),
        Case(name: "an empty value", "X-Empty:\r\n", .field(name: "x-empty", value: "")),
        Case(name: "a line end of LF only", "Content-Length: 42\n", .field(name: "content-length", value: "42")),
        Case(name: "the blank line (CRLF)", "\r\n", .end),
        Case(name: "the blank line (LF)", "\n", .end),
        Case(name: "a line without a colon", "garbage\r\n", .other),
        Case(name: "a folded continuation", "  more text\r\n", .other),
        Case(name: "nothing", "", .other),
    ]

    static let textCases: [Case] = [
        Case(name: "a Han file name in UTF-8", "Content-Disposition: attachment; filename=\"通知.pdf\"\r\n",
             .field(name: "content-disposition", value: "attachment; filename=\"通知.pdf\"")),
        Case(name: "a GBK file name (not UTF-8) keeps its bytes as Latin-1 scalars",
             bytes: Array("X-Name: ".utf8) + [0xB8, 0xBD, 0xBC, 0xFE] + Array("\r\n".utf8),
             .field(name: "x-name", value: "\u{B8}\u{BD}\u{BC}\u{FE}")),
        Case(name: "a Latin-1 no-break space around a value is cut", bytes: Array("X-A: ".utf8) + [0xA0, 0x61, 0xA0, 0x0D, 0x0A],
             .field(name: "x-a", value: "a")),
    ]

    @Test("an ASCII line reads the same byte by byte as as text", arguments: asciiCases)
    func asciiAsText(_ testCase: Case) {
        testCase.bytes.withUnsafeBytes { bytes in
            #expect(HeaderLine(bytes) == testCase.line)
            #expect(HeaderLine.ascii(bytes) == HeaderLine.text(bytes))
        }
    }

    @Test("a line with other bytes is read as text", arguments: textCases)
    func otherBytes(_ testCase: Case) {
        testCase.bytes.withUnsafeBytes { bytes in
            #expect(HeaderLine(bytes) == testCase.line)
        }
    }
}
