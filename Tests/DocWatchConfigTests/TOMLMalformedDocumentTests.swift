@testable import DocWatchConfig
import Foundation
import Testing

/// Documents that are not TOML 1.0: each is one `ConfigError.syntax` naming its line, never a crash.
@Suite("TOML parser: malformed documents")
struct TOMLMalformedDocumentTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let line: Int
        var testDescription: String { name }
    }

    static let deep = 10_000

    static let cases: [Case] = [
        Case(name: "a lone [", text: "database = \"/d\"\n[\n", line: 2),
        Case(name: "[=", text: "[=\n", line: 1),
        Case(name: "[\\", text: "[\\\n", line: 1),
        Case(name: "[[", text: "[[", line: 1),
        Case(name: "unclosed header", text: "[a\nb = 1\n", line: 1),
        Case(name: "unclosed array-of-tables header", text: "[[a]\n", line: 1),
        Case(name: "[ [a]] is not an array-of-tables header", text: "[ [a]]\n", line: 1),
        Case(name: "key without value", text: "a =\n", line: 1),
        Case(name: "key without value at the end of the file", text: "a =", line: 1),
        Case(name: "value without key", text: "= 1\n", line: 1),
        Case(name: "key without =", text: "a\n", line: 1),
        Case(name: "two bare words", text: "a b = 1\n", line: 1),
        Case(name: "two values on a line", text: "a = 1 2\n", line: 1),
        Case(name: "two pairs on a line", text: "a = 1 b = 2\n", line: 1),
        Case(name: "unterminated string", text: "x = 1\na = \"unterminated\n", line: 2),
        Case(name: "unterminated literal string", text: "a = 'unterminated\n", line: 1),
        Case(name: "unterminated multi-line string", text: "a = \"\"\"\nabc\n", line: 3),
        Case(name: "six quotes closing a multi-line string", text: "a = \"\"\"x\"\"\"\"\"\"\n", line: 1),
        Case(name: "unterminated array", text: "a = [1,", line: 1),
        Case(name: "array without commas", text: "a = [1 2]\n", line: 1),
        Case(name: "empty array element", text: "a = [1,,2]\n", line: 1),
        Case(name: "unterminated inline table", text: "a = {b = 1", line: 1),
        Case(name: "newline in an inline table", text: "a = {\nb = 1}\n", line: 1),
        Case(name: "trailing comma in an inline table", text: "a = {b = 1,}\n", line: 1),
        Case(name: "unknown escape", text: "a = \"\\q\"\n", line: 1),
        Case(name: "\\e is TOML 1.1, not 1.0", text: "a = \"\\e\"\n", line: 1),
        Case(name: "short \\u escape", text: "a = \"\\u12\"\n", line: 1),
        Case(name: "surrogate \\u escape", text: "a = \"\\uD800\"\n", line: 1),
        Case(name: "\\U beyond Unicode", text: "a = \"\\U00110000\"\n", line: 1),
        Case(name: "backslash then blank then text in a multi-line string", text: "a = \"\"\"x\\ y\"\"\"\n", line: 1),
        Case(name: "duplicate key", text: "a = 1\na = 2\n", line: 2),
        Case(name: "duplicate key through quoting", text: "a = 1\n\"a\" = 2\n", line: 2),
        Case(name: "duplicate key inside an inline table", text: "a = {b = 1, b = 2}\n", line: 1),
        Case(name: "table defined twice", text: "[t]\nx = 1\n[t]\ny = 2\n", line: 3),
        Case(name: "table over a value", text: "[t]\nx = 1\n[t.x]\n", line: 3),
        Case(name: "table over a dotted-key table", text: "a.b = 1\n[a]\n", line: 2),
        Case(name: "dotted key into a header-defined table", text: "[a.b.c]\nz = 9\n[a]\nb.c.t = 1\n", line: 4),
        Case(name: "[[ ]] appending to a static array", text: "a = [1]\n[[a]]\n", line: 2),
        Case(name: "[[ ]] over a table", text: "[t]\n[[t]]\n", line: 2),
        Case(name: "[ ] over an array of tables", text: "[[t]]\n[t]\n", line: 2),
        Case(name: "header extending an inline table", text: "a = {b = 1}\n[a]\n", line: 2),
        Case(name: "header below an inline table", text: "a = {b = 1}\n[a.c]\n", line: 2),
        Case(name: "dotted key extending an inline table", text: "a = {b = 1}\na.c = 2\n", line: 2),
        Case(name: "inline table extended from inside", text: "a = {b = {c = 1}, b.d = 2}\n", line: 1),
        Case(name: "arrays nested 10,000 deep", text: "a = " + String(repeating: "[", count: deep) + "\n", line: 1),
        Case(name: "a line of 10,000 [", text: String(repeating: "[", count: deep) + "\n", line: 1),
        Case(name: "inline tables nested 10,000 deep", text: "a = " + String(repeating: "{b = ", count: deep) + "\n", line: 1),
        Case(name: "a key of 10,000 parts", text: Array(repeating: "a", count: deep).joined(separator: ".") + " = 1\n", line: 1),
        Case(name: "a header of 10,000 parts", text: "[" + Array(repeating: "a", count: deep).joined(separator: ".") + "]\n", line: 1),
        Case(name: "NUL at the start", text: "\u{0}", line: 1),
        Case(name: "NUL in a string", text: "a = \"x\u{0}y\"\n", line: 1),
        Case(name: "NUL in a comment", text: "# x\u{0}\n", line: 1),
        Case(name: "DEL in a literal string", text: "a = 'x\u{7F}'\n", line: 1),
        Case(name: "lone carriage return", text: "a = 1\rb = 2\n", line: 1),
        Case(name: "integer above Int64.max", text: "a = 9223372036854775808\n", line: 1),
        Case(name: "integer below Int64.min", text: "a = -9223372036854775809\n", line: 1),
        Case(name: "hexadecimal overflow", text: "a = 0x1_0000_0000_0000_0000\n", line: 1),
        Case(name: "leading zero", text: "a = 01\n", line: 1),
        Case(name: "double underscore", text: "a = 1__0\n", line: 1),
        Case(name: "trailing underscore", text: "a = 1_\n", line: 1),
        Case(name: "leading underscore", text: "a = _1\n", line: 1),
        Case(name: "0x without digits", text: "a = 0x\n", line: 1),
        Case(name: "sign before 0x", text: "a = +0x1\n", line: 1),
        Case(name: "capital 0X", text: "a = 0XFF\n", line: 1),
        Case(name: "octal digit 8", text: "a = 0o8\n", line: 1),
        Case(name: "float ending in a dot", text: "a = 1.\n", line: 1),
        Case(name: "float starting with a dot", text: "a = .5\n", line: 1),
        Case(name: "exponent without digits", text: "a = 1e\n", line: 1),
        Case(name: "float with a leading zero", text: "a = 00.5\n", line: 1),
        Case(name: "two decimal points", text: "a = 1.5.3\n", line: 1),
        Case(name: "Inf is not inf", text: "a = Inf\n", line: 1),
        Case(name: "True is not true", text: "a = True\n", line: 1),
        Case(name: "tru", text: "a = tru\n", line: 1),
        Case(name: "February 30th", text: "a = 2021-02-30\n", line: 1),
        Case(name: "February 29th of a common year", text: "a = 1900-02-29\n", line: 1),
        Case(name: "month 13", text: "a = 1979-13-01\n", line: 1),
        Case(name: "hour 25", text: "a = 25:00:00\n", line: 1),
        Case(name: "time without seconds", text: "a = 07:32\n", line: 1),
        Case(name: "offset without minutes", text: "a = 1979-05-27T07:32:00+07\n", line: 1),
        Case(name: "error on a later line", text: "a = \"x\"\n\n[b]\nc = 1 1\n", line: 4),
        Case(name: "bare value", text: "a = hello\n", line: 1),
        Case(name: "multi-line string as a key", text: "\"\"\"a\"\"\" = 1\n", line: 1),
    ]

    @Test(arguments: cases)
    func rejects(_ example: Case) {
        do {
            _ = try ConfigParser(environment: ["HOME": "/h"]).parse(example.text, file: "/c.toml")
            Issue.record("parsed without an error")
        } catch {
            guard case .syntax(let file, let line, let column, _) = error else {
                Issue.record("not a syntax error: \(error)")
                return
            }
            #expect(file == "/c.toml")
            #expect(line == example.line)
            #expect(column >= 1)
            #expect(!error.description.contains("\n"), "one line")
        }
    }

    @Test("a syntax error reads FILE:LINE:COLUMN: TOML syntax error: …")
    func message() {
        #expect(throws: ConfigError.syntax(file: "/c.toml", line: 2, column: 2, message: "expected a key, found the end of the line")) {
            try ConfigParser().parse("a = 1\n[\n", file: "/c.toml")
        }
        #expect(ConfigError.syntax(file: "/c.toml", line: 2, column: 2, message: "x").description == "/c.toml:2:2: TOML syntax error: x")
    }

    /// Every prefix of a config and every one-byte change to it from a set of troublesome bytes:
    /// each parses or throws a `ConfigError`; reaching the end of the loop is the assertion.
    @Test("truncations and one-byte changes of a real config never crash")
    func mutations() {
        let parser = ConfigParser(environment: ["HOME": "/h"])
        let documents = TOMLMutations.ofSampleConfig()
        var outcomes = 0
        for document in documents {
            _ = try? parser.parse(document, file: "/c.toml")
            outcomes += 1
        }
        #expect(outcomes == documents.count && outcomes > 5_000)
    }
}

@Suite("Config loader: bytes that are not text")
struct ConfigLoaderBytesTests {
    @Test("a file that is not UTF-8 is unreadable, naming the file")
    func invalidUTF8() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("docwatch-\(UUID().uuidString).toml").path
        try Data([0x61, 0x20, 0x3D, 0x20, 0x22, 0xFF, 0xFE, 0x22, 0x0A]).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: ConfigError.unreadable(path: path, reason: "not UTF-8 text")) {
            try ConfigLoader(environment: [:]).load(explicit: path)
        }
    }
}
