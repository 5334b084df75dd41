import DocWatchConfig
import DocWatchCore
import Foundation
import Testing

/// `kind = "json"` paths, per-source request options and the recheck defaults of `[[source]]`.
@Suite("Config: source options")
struct SourceOptionsConfigTests {
    let parser = ConfigParser(environment: ["HOME": "/home/op"])

    func source(_ lines: String) throws -> Source {
        let config = try parser.parse("[[source]]\nid = \"s\"\nurl = \"https://www.miit.gov.cn/api?a=1\"\n\(lines)\n", file: "/c.toml")
        return try #require(config.sources.first)
    }

    @Test("a json source reads items, link, title and published; items = \"\" names a bare array")
    func jsonPaths() throws {
        let miit = try source("""
            kind = "json"
            items = "data.searchResult.dataResults"
            link = "groupData.0.data.url"
            title = "groupData.0.data.title"
            published = "groupData.0.data.deploytime"
            """)
        #expect(miit.jsonPaths == JSONItemPaths(items: "data.searchResult.dataResults", link: "groupData.0.data.url",
                                                title: "groupData.0.data.title", published: "groupData.0.data.deploytime"))
        let bare = try source("kind = \"json\"\nitems = \"\"\nlink = \"URL\"")
        #expect(bare.jsonPaths == JSONItemPaths(items: "", link: "URL"))
        #expect(try source("kind = \"list\"").jsonPaths == nil)
    }

    @Test("headers and proxy become the source's request options, with its own cookie jar")
    func requestOptions() throws {
        let parsed = try source("""
            headers = { Referer = "https://www.miit.gov.cn/search/zcwjk.html", "Accept-Language" = "zh-CN" }
            proxy = "socks5h://127.0.0.1:1080"
            """)
        #expect(parsed.requestOptions == RequestOptions(
            headers: ["Referer": "https://www.miit.gov.cn/search/zcwjk.html", "Accept-Language": "zh-CN"],
            proxy: "socks5h://127.0.0.1:1080", cookieJar: "s"))
        #expect(try source("proxy = \"\"").proxy == "")
        #expect(try source("").proxy == nil)
    }

    @Test("recheck defaults to every 6 h for articles first seen in the last 7 days, 50 a poll; \"off\" turns it off")
    func recheckDefaults() throws {
        let plain = try source("kind = \"list\"")
        #expect(plain.recheck == 6 * 3600 && plain.recheckWithin == 7 * 86_400 && plain.recheckMax == 50)
        // A corrected article must be noticed within a day.
        #expect(try #require(plain.recheck) <= 86_400)
        let tuned = try source("kind = \"list\"\nrecheck = \"1h\"\nrecheck_within = \"30d\"\nrecheck_max = 5")
        #expect(tuned.recheck == 3600 && tuned.recheckWithin == 30 * 86_400 && tuned.recheckMax == 5)
        #expect(try source("kind = \"list\"\nrecheck = \"off\"").recheck == nil)
        // A weekly recheck alone still rechecks: the window grows to twice the interval.
        let weekly = try source("kind = \"list\"\nrecheck = \"7d\"")
        #expect(weekly.recheck == 7 * 86_400 && weekly.recheckWithin == 14 * 86_400)
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        let name: String
        let lines: String
        let expected: ConfigError
        var testDescription: String { name }
    }

    static func bad(_ line: Int, _ key: String, _ message: String, column: Int = 1) -> ConfigError {
        .badValue(file: "/c.toml", line: line, column: column, key: "source[1].\(key)", message: message)
    }

    @Test(arguments: [
        BadCase(name: "json without link", lines: "kind = \"json\"\nitems = \"data.list\"",
                expected: .missingKey(file: "/c.toml", line: 1, column: 1, key: "source[1].link")),
        BadCase(name: "json without items", lines: "kind = \"json\"\nlink = \"url\"",
                expected: .missingKey(file: "/c.toml", line: 1, column: 1, key: "source[1].items")),
        BadCase(name: "json keys on a list source", lines: "kind = \"list\"\nlink = \"url\"",
                expected: bad(5, "link", "only a kind = \"json\" source reads 'link' (this one is \"list\")")),
        BadCase(name: "json keys on a default page source", lines: "title = \"t\"",
                expected: bad(4, "title", "only a kind = \"json\" source reads 'title' (this one is \"page\")")),
        BadCase(name: "an empty part of a path", lines: "kind = \"json\"\nitems = \"data..list\"\nlink = \"url\"",
                expected: bad(5, "items", "'data..list' has an empty part; write dotted names like \"data.list\" or \"groupData.0.data.url\"")),
        BadCase(name: "a trailing dot", lines: "kind = \"json\"\nitems = \"data\"\nlink = \"url.\"",
                expected: bad(6, "link", "'url.' has an empty part; write dotted names like \"data.list\" or \"groupData.0.data.url\"")),
        BadCase(name: "an empty link", lines: "kind = \"json\"\nitems = \"data\"\nlink = \"\"",
                expected: bad(6, "link", "'' is empty; give a dotted path like \"data.url\"")),
        BadCase(name: "headers not a table", lines: "headers = \"Referer: x\"",
                expected: bad(4, "headers", "expected an inline table of strings")),
        BadCase(name: "a header name that is not a token", lines: "headers = { \"Re feree\" = \"x\" }",
                expected: bad(4, "headers", "'Re feree' is not a valid header name", column: 13)),
        BadCase(name: "a non-ASCII header name", lines: "headers = { \"来源\" = \"x\" }",
                expected: bad(4, "headers", "'来源' is not a valid header name", column: 13)),
        BadCase(name: "Host", lines: "headers = { host = \"x\" }",
                expected: bad(4, "headers", "'host' is set by docwatch itself and cannot be given here", column: 13)),
        BadCase(name: "Content-Length", lines: "headers = { Content-Length = \"3\" }",
                expected: bad(4, "headers", "'Content-Length' is set by docwatch itself and cannot be given here", column: 13)),
        BadCase(name: "If-None-Match", lines: "headers = { If-None-Match = \"x\" }",
                expected: bad(4, "headers", "'If-None-Match' is set by docwatch itself and cannot be given here", column: 13)),
        BadCase(name: "the same header twice in two cases", lines: "headers = { Referer = \"a\", referer = \"b\" }",
                expected: bad(4, "headers", "'referer' is given twice (header names ignore case)", column: 28)),
        BadCase(name: "a value with a line break", lines: "headers = { Referer = \"a\\nX: y\" }",
                expected: bad(4, "headers", "the value of 'Referer' must be one line", column: 13)),
        BadCase(name: "a value with CR LF (one Character in Swift)", lines: "headers = { Referer = \"a\\r\\nX-Injected: 1\" }",
                expected: bad(4, "headers", "the value of 'Referer' must be one line", column: 13)),
        BadCase(name: "a value with NUL", lines: "headers = { Referer = \"a\\u0000b\" }",
                expected: bad(4, "headers", "the value of 'Referer' must not contain a NUL character", column: 13)),
        BadCase(name: "a value that is no string", lines: "headers = { Referer = 3 }",
                expected: bad(4, "headers", "the value of 'Referer' must be a string", column: 13)),
        BadCase(name: "a proxy scheme libcurl is not asked to speak", lines: "proxy = \"ftp://p.example:21\"",
                expected: bad(4, "proxy", "'ftp://p.example:21' has the scheme 'ftp'; a proxy is one of http, https, socks5, socks5h")),
        BadCase(name: "a proxy without a scheme", lines: "proxy = \"p.example:3128\"",
                expected: bad(4, "proxy", "'p.example:3128' is not a proxy URL like \"http://proxy.example:3128\" or \"socks5h://127.0.0.1:1080\"")),
        BadCase(name: "a proxy without a host", lines: "proxy = \"http://\"",
                expected: bad(4, "proxy", "'http://' names no host")),
        BadCase(name: "a proxy with a path", lines: "proxy = \"http://p.example:3128/x\"",
                expected: bad(4, "proxy", "'http://p.example:3128/x' must be only scheme, host and port (no path or query)")),
        BadCase(name: "a proxy password stays out of the message", lines: "proxy = \"ftp://u:secret@p.example\"",
                expected: bad(4, "proxy", "'ftp://u:…@p.example' has the scheme 'ftp'; a proxy is one of http, https, socks5, socks5h")),
        BadCase(name: "a window no longer than the interval", lines: "recheck = \"1d\"\nrecheck_within = \"1d\"",
                expected: bad(5, "recheck_within", "'1d' is not longer than recheck ('1d'): no article would ever be rechecked")),
        BadCase(name: "recheck_max out of range", lines: "recheck_max = 0",
                expected: bad(4, "recheck_max", "0 is outside 1…10000")),
        BadCase(name: "recheck neither a duration nor off", lines: "recheck = \"never\"",
                expected: bad(4, "recheck", "'never' is not a duration like \"90s\", \"15m\", \"6h\" or \"7d\" (at most 100 years)")),
    ])
    func rejects(_ bad: BadCase) {
        #expect(throws: bad.expected) {
            try parser.parse("[[source]]\nid = \"s\"\nurl = \"https://a.example/\"\n\(bad.lines)\n", file: "/c.toml")
        }
    }

    @Test("[http] proxy is checked the same way")
    func globalProxy() throws {
        #expect(throws: ConfigError.badValue(file: "/c.toml", line: 2, column: 1, key: "http.proxy",
                                             message: "'gopher://p.example' has the scheme 'gopher'; a proxy is one of http, https, socks5, socks5h")) {
            try parser.parse("[http]\nproxy = \"gopher://p.example\"\n", file: "/c.toml")
        }
        #expect(try parser.parse("[http]\nproxy = \"https://p.example:8443\"\n", file: "/c.toml").http.proxy == "https://p.example:8443")
    }

    @Test("etc/docwatch.toml loads: MIIT and gov.cn through their JSON lists, MIIT with its Referer, the provinces' Hanweb columns")
    func exampleConfig() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("etc/docwatch.toml").path
        let config = try ConfigLoader(environment: [:]).load(explicit: path)
        let byID = Dictionary(uniqueKeysWithValues: config.sources.map { ($0.id, $0) })
        let miit = try #require(byID["miit-zcwj"])
        #expect(miit.kind == .json && miit.jsonPaths?.link == "groupData.0.data.url")
        #expect(miit.headers["Referer"]?.hasPrefix("https://www.miit.gov.cn/") == true)
        #expect(byID["gov-zhengce-zuixin"]?.kind == .json)
        for id in ["js-gxt-gzdt", "zj-jxt-gzdt", "zj-jxt-zcfg"] {
            let hanweb = try #require(byID[id], "no source \(id)")
            #expect(hanweb.kind == .list && hanweb.url.contains("/col/col"))
        }
    }
}
