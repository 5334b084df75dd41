import DocWatchCore
import DocWatchTestSupport
import Foundation
import Testing

/// `headers`, the cookie jar and `proxy` of a `[[source]]`, through `docwatch fetch` against loopback servers.
@Suite("End to end: per-source request options", .serialized)
struct SourceRequestOptionsEndToEndTests {
    static func list(_ links: [String]) -> String {
        let items = links.map { "<li><a href=\"\($0)\">通知公告\($0)</a><span>2024-07-30</span></li>" }
        return "<html><head><meta charset=\"utf-8\"><title>通知公告</title></head><body><ul class=\"list\">\(items.joined())</ul></body></html>"
    }

    static func article(_ title: String) -> String {
        Fixtures.article(title: title, site: "江苏省工业和信息化厅", paragraphs: ["\(title)的正文，推动制造业高质量发展。", "第二段内容。"], charset: "utf-8")
    }

    @Test("a source's headers go with its list and its articles; another source's requests do not carry them")
    func headersOnListAndArticles() async throws {
        let server = try await TestHTTPServer.start()
        let space = try Workspace()
        server.set(path: "/a/index.html", body: Self.list(["/a/art_1.html"]))
        server.set(path: "/a/art_1.html", body: Self.article("甲文章"))
        server.set(path: "/b/index.html", body: Self.list(["/b/art_1.html"]))
        server.set(path: "/b/art_1.html", body: Self.article("乙文章"))
        try space.writeConfig(sources: """
            [[source]]
            id = "a"
            url = "\(server.url("/a/index.html"))"
            kind = "list"
            headers = { Referer = "https://gxt.jiangsu.gov.cn/col/col6278/index.html", X-Requested-With = "XMLHttpRequest" }

            [[source]]
            id = "b"
            url = "\(server.url("/b/index.html"))"
            kind = "list"
            """)
        let result = try await space.run(["fetch"])
        let requests = server.requests
        await server.stop()
        #expect(result.status == 0, "\(result.stderr)")
        for path in ["/a/index.html", "/a/art_1.html"] {
            let request = try #require(requests.first { $0.path == path }, "no request to \(path)")
            #expect(request.headers["referer"] == "https://gxt.jiangsu.gov.cn/col/col6278/index.html")
            #expect(request.headers["x-requested-with"] == "XMLHttpRequest")
        }
        for path in ["/b/index.html", "/b/art_1.html"] {
            let request = try #require(requests.first { $0.path == path }, "no request to \(path)")
            #expect(request.headers["referer"] == nil)
        }
    }

    @Test("a cookie source A's list sets is sent to A's article and never to source B")
    func cookieJarPerSource() async throws {
        let server = try await TestHTTPServer.start()
        let space = try Workspace()
        server.set(path: "/a/index.html", headers: ["Set-Cookie": "JSESSIONID=a-session; Path=/"], body: Self.list(["/a/art_1.html"]))
        server.set(path: "/a/art_1.html", body: Self.article("甲文章"))
        server.set(path: "/b/index.html", body: Self.list(["/b/art_1.html"]))
        server.set(path: "/b/art_1.html", body: Self.article("乙文章"))
        try space.writeConfig(sources: """
            [[source]]
            id = "a"
            url = "\(server.url("/a/index.html"))"
            kind = "list"

            [[source]]
            id = "b"
            url = "\(server.url("/b/index.html"))"
            kind = "list"
            """)
        // A first, so its cookie exists before B's requests in the same process.
        let result = try await space.run(["fetch", "a", "b"])
        let requests = server.requests
        await server.stop()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(requests.first { $0.path == "/a/art_1.html" }?.headers["cookie"] == "JSESSIONID=a-session")
        let leaked = requests.filter { $0.path.hasPrefix("/b/") && $0.headers["cookie"] != nil }
        #expect(leaked.isEmpty, "source b was sent \(leaked.map { "\($0.path): \($0.headers["cookie"] ?? "")" })")
    }

    @Test("a source's proxy carries its requests in absolute form; [http] proxy stays for the others")
    func proxyPerSource() async throws {
        let proxy = try await TestHTTPServer.start()
        let space = try Workspace()
        proxy.set(path: "/zhengce/index.html", body: Self.list(["/zhengce/content_1.htm"]))
        proxy.set(path: "/zhengce/content_1.htm", body: Self.article("政策文章"))
        try space.writeConfig(sources: """
            [[source]]
            id = "via-proxy"
            url = "http://docwatch.invalid/zhengce/index.html"
            kind = "list"
            proxy = "\(proxy.baseURL)"
            """, http: "proxy = \"http://127.0.0.1:9\"")
        let result = try await space.run(["fetch"])
        let targets = proxy.requests.map(\.target)
        await proxy.stop()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(targets.contains("http://docwatch.invalid/zhengce/index.html"))
        #expect(targets.contains("http://docwatch.invalid/zhengce/content_1.htm"))
    }

    @Test("check-config shows each listing source's recheck and max_new, defaults included, and passes on etc/docwatch.toml")
    func checkConfigShowsRecheck() async throws {
        let space = try Workspace()
        try space.writeConfig(sources: """
            [[source]]
            id = "plain"
            url = "https://a.example/list/"
            kind = "list"

            [[source]]
            id = "tuned"
            url = "https://a.example/feed.xml"
            kind = "feed"
            max_new = 20
            recheck = "off"
            """)
        let result = try await space.run(["check-config"])
        #expect(result.status == 0, "\(result.stderr)")
        let sources: [String] = Array(result.stdout.components(separatedBy: "[[source]]").dropFirst())
        #expect(sources.count == 2)
        #expect(sources.first?.contains("recheck = \"6h\"\nrecheck_within = \"7d\"\nrecheck_max = 50") == true, "\(result.stdout)")
        #expect(sources.first?.contains("# max_new: every new link, each poll") == true)
        #expect(sources.last?.contains("max_new = 20\nrecheck = \"off\"") == true, "\(result.stdout)")

        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("etc/docwatch.toml").path
        let shipped = try await DocWatchProcess.run(["check-config", "--config", example])
        #expect(shipped.status == 0, "\(shipped.stderr)")
    }

    struct BadOption: Sendable, CustomTestStringConvertible {
        let name: String
        /// Where the error points: the key, or the header's entry inside `headers = { … }`.
        var column = 1
        let line: String
        let message: String
        var testDescription: String { name }
    }

    @Test("a bad option is refused with exit 78, the file, the line and the key", arguments: [
        BadOption(name: "header name with a space", column: 13, line: "headers = { \"Bad Name\" = \"x\" }",
                  message: "bad value for 'source[1].headers': 'Bad Name' is not a valid header name"),
        BadOption(name: "Host header", column: 13, line: "headers = { Host = \"evil.example\" }",
                  message: "bad value for 'source[1].headers': 'Host' is set by docwatch itself and cannot be given here"),
        BadOption(name: "header value with a line break", column: 13, line: "headers = { Referer = \"a\\r\\nX-Injected: 1\" }",
                  message: "bad value for 'source[1].headers': the value of 'Referer' must be one line"),
        BadOption(name: "proxy with an unknown scheme", line: "proxy = \"ftp://proxy.example:21\"",
                  message: "bad value for 'source[1].proxy': 'ftp://proxy.example:21' has the scheme 'ftp'"),
        BadOption(name: "json keys on a list source", line: "items = \"data.list\"",
                  message: "bad value for 'source[1].items': only a kind = \"json\" source reads 'items'"),
    ])
    func badOption(_ bad: BadOption) async throws {
        let space = try Workspace()
        try space.writeConfig(sources: "[[source]]\nid = \"a\"\nurl = \"https://a.example/\"\nkind = \"list\"\n\(bad.line)\n")
        let result = try await space.run(["check-config"])
        #expect(result.status == 78)
        let lines = try String(contentsOfFile: space.configPath, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let lineNumber = try #require(lines.firstIndex { $0 == Substring(bad.line) }) + 1
        #expect(result.stderr.contains("docwatch.toml:\(lineNumber):\(bad.column): \(bad.message)"), "\(result.stderr)")
    }
}
