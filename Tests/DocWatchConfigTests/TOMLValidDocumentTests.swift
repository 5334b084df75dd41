@testable import DocWatchConfig
import Testing

/// Documents a config author could write, each with the tree it must parse to.
@Suite("TOML parser: valid documents")
struct TOMLValidDocumentTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let expected: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "empty document", text: "", expected: "{}"),
        Case(name: "comments everywhere", text: """
            # top
            a = 1 # after a value
            [t] # after a header
            b = [ # inside an array
              1, # after an element
              # on a line of its own
              2
            ] # after the array
            #last line without newline
            """, expected: "{a: 1, t: {b: [1, 2]}}"),
        Case(name: "bare, quoted, literal and empty keys", text: """
            bare_key-1 = 1
            "quoted key" = 2
            'literal "key"' = 3
            "" = 4
            1234 = 5
            """, expected: #"{bare_key-1: 1, "quoted key": 2, "literal \"key\"": 3, "": 4, 1234: 5}"#),
        Case(name: "dotted keys, with blanks around the dots", text: """
            a.b.c = 1
            a . "d" = 2
            site."google.com" = true
            """, expected: #"{a: {b: {c: 1}, d: 2}, site: {"google.com": true}}"#),
        Case(name: "tables and sub-tables", text: "[a]\nx = 1\n[a.b]\ny = 2\n[ c . d ]\nz = 3\n",
             expected: "{a: {x: 1, b: {y: 2}}, c: {d: {z: 3}}}"),
        Case(name: "a table defined after its sub-table", text: "[x.y]\na = 1\n[x]\nb = 2\n",
             expected: "{x: {y: {a: 1}, b: 2}}"),
        Case(name: "a sub-table of a table made by dotted keys", text: "[fruit]\napple.color = \"red\"\n[fruit.apple.texture]\nsmooth = true\n",
             expected: #"{fruit: {apple: {color: "red", texture: {smooth: true}}}}"#),
        Case(name: "arrays of tables, with sub-tables of the last element", text: """
            [[source]]
            id = 1
            [[source]]
            id = 2
            [source.sub]
            k = 1
            [[source.feeds]]
            u = "a"
            """, expected: #"{source: [{id: 1}, {id: 2, sub: {k: 1}, feeds: [{u: "a"}]}]}"#),
        Case(name: "inline tables", text: #"headers = { Referer = "https://a.example/", "User-Agent" = "x", a.b = 1 }"# + "\nempty = {}\nnested = { x = { y = [1, { z = 2 }] } }\n",
             expected: #"{headers: {Referer: "https://a.example/", User-Agent: "x", a: {b: 1}}, empty: {}, nested: {x: {y: [1, {z: 2}]}}}"#),
        Case(name: "arrays: mixed types, nesting, trailing comma, newlines", text: "m = [1, \"a\", 1.5, [true, []], {x = 1},]\nn = [\n  \"x\",\n\n  \"y\",\n]\ne = []\n",
             expected: #"{m: [1, "a", 1.5, [true, []], {x: 1}], n: ["x", "y"], e: []}"#),
        Case(name: "basic string escapes", text: #"s = "\b\t\n\f\r\"\\\u00E9\U0001F600 工信""#,
             expected: #"{s: "\u{08}\t\n\u{0C}\r\"\\é😀 工信"}"#),
        Case(name: "literal strings keep backslashes", text: #"p = 'C:\Users\nodejs\templates'"# + "\nr = '<\\i\\c*\\s*>'\n",
             expected: #"{p: "C:\\Users\\nodejs\\templates", r: "<\\i\\c*\\s*>"}"#),
        Case(name: "multi-line basic: first newline trimmed, line-ending backslash, quotes", text: "s = \"\"\"\nRoses are red\n  Violets \\\n      are blue\"\"\"\nq = \"\"\"a\"\"b\"\"\"\"\"\ne = \"\"\"\\\n   \\\n   x\"\"\"\n",
             expected: #"{s: "Roses are red\n  Violets are blue", q: "a\"\"b\"\"", e: "x"}"#),
        Case(name: "multi-line literal", text: "s = '''\nfirst\n  \\second'''\nq = ''''that's'''''\n",
             expected: #"{s: "first\n  \\second", q: "\'that\'s\'\'"}"#),
        Case(name: "integers", text: "a = +99\nb = 42\nc = 0\nd = -17\ne = 1_000\nf = 0xDEAD_beef\ng = 0o755\nh = 0b1101\ni = 9223372036854775807\nj = -9223372036854775808\nk = -0\nl = 0x0\n",
             expected: "{a: 99, b: 42, c: 0, d: -17, e: 1000, f: 3735928559, g: 493, h: 13, i: 9223372036854775807, j: -9223372036854775808, k: 0, l: 0}"),
        Case(name: "floats", text: "a = +1.0\nb = 3.1415\nc = -0.01\nd = 5e+22\ne = 1e06\nf = -2E-2\ng = 224_617.445_991\nh = inf\ni = +inf\nj = -inf\nk = nan\nl = -nan\nm = 0.0\nn = 1e1_0\n",
             expected: "{a: 1.0, b: 3.1415, c: -0.01, d: 5e+22, e: 1000000.0, f: -0.02, g: 224617.445991, h: inf, i: inf, j: -inf, k: nan, l: nan, m: 0.0, n: 10000000000.0}"),
        Case(name: "booleans", text: "t = true\nf = false\n", expected: "{t: true, f: false}"),
        Case(name: "dates and times", text: "a = 1979-05-27T07:32:00Z\nb = 1979-05-27T00:32:00.999999-07:00\nc = 1979-05-27 07:32:00z\nd = 1979-05-27T07:32:00\ne = 1979-05-27\nf = 07:32:00.5\ng = 2000-02-29\nh = 1990-12-31T23:59:59+08:00\n",
             expected: "{a: date-time(1979-05-27T07:32:00Z), b: date-time(1979-05-27T00:32:00.999999-07:00), c: date-time(1979-05-27 07:32:00z), d: local date-time(1979-05-27T07:32:00), e: date(1979-05-27), f: time(07:32:00.5), g: date(2000-02-29), h: date-time(1990-12-31T23:59:59+08:00)}"),
        Case(name: "CRLF line endings, read as LF in multi-line strings", text: "a = 1\r\n[t]\r\nb = \"\"\"\r\nx\r\ny\"\"\"\r\n", expected: #"{a: 1, t: {b: "x\ny"}}"#),
        Case(name: "blanks and tabs before keys and headers", text: "\t a = 1\n  [t]\n\tb=2", expected: "{a: 1, t: {b: 2}}"),
    ]

    @Test(arguments: cases)
    func parses(_ example: Case) throws {
        let table = try TOMLParser.parse(example.text)
        #expect(TOMLRendering.render(table) == example.expected)
    }

    @Test("positions are 1-based lines and columns counted in Unicode scalars")
    func positions() throws {
        let table = try TOMLParser.parse("\n  \"键\" = \"值\"\n[t]\n  k = [1,\n    2]\n[[s]]\n[[s]]\n")
        #expect(table.keyPosition("键") == TOMLPosition(line: 2, column: 3))
        #expect(table["键"]?.position == TOMLPosition(line: 2, column: 9))
        #expect(table["t"]?.position == TOMLPosition(line: 3, column: 1))
        let t = try #require(table["t"]?.table)
        #expect(t.keyPosition("k") == TOMLPosition(line: 4, column: 3))
        #expect(t["k"]?.array?.map(\.position) == [TOMLPosition(line: 4, column: 8), TOMLPosition(line: 5, column: 5)])
        #expect(table["s"]?.array?.map(\.position.line) == [6, 7])
    }

    @Test("nesting up to the limit is accepted")
    func nestingAtTheLimit() throws {
        let depth = TOMLParser.defaultMaxDepth
        let table = try TOMLParser.parse("a = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        var value = try #require(table["a"])
        var levels = 0
        while let inner = value.array {
            levels += 1
            guard let first = inner.first else { break }
            value = first
        }
        #expect(levels == depth)
    }
}
