@testable import DocWatchFetch
import Testing

/// `HeaderLine.trimmed`: what is cut around a header's name and value.
@Suite("Fetch: header trimming")
struct HeaderTrimTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var text: Substring
        var trimmed: Substring
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a value after the colon's space, with its CRLF", text: " \"abc-123\"\r\n", trimmed: "\"abc-123\""),
        Case(name: "tabs and spaces on both sides", text: "\t  text/html; charset=utf-8 \t\n", trimmed: "text/html; charset=utf-8"),
        Case(name: "inner spaces stay", text: " Mon, 01 Jan 2024 00:00:00 GMT\r\n", trimmed: "Mon, 01 Jan 2024 00:00:00 GMT"),
        Case(name: "nothing to cut", text: "ETag", trimmed: "ETag"),
        Case(name: "only whitespace", text: " \r\n", trimmed: ""),
        Case(name: "empty", text: "", trimmed: ""),
        Case(name: "a Latin-1 no-break space (a non-UTF-8 line) is cut", text: "\u{A0}x\u{A0}", trimmed: "x"),
        Case(name: "a Han file name keeps its characters", text: " attachment; filename=\"通知.pdf\"\r\n",
             trimmed: "attachment; filename=\"通知.pdf\""),
    ]

    @Test(arguments: cases)
    func trims(_ testCase: Case) {
        #expect(HeaderLine.trimmed(testCase.text) == testCase.trimmed)
    }
}
