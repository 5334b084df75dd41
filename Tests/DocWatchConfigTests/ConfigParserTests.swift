import DocWatchConfig
import DocWatchCore
import Testing

@Suite("Config parser")
struct ConfigParserTests {
    let parser = ConfigParser(environment: ["HOME": "/home/op"])

    @Test("every key of DESIGN.md is read")
    func fullConfig() throws {
        let text = """
            database = "/var/lib/docwatch/docwatch.sqlite"
            log_dir  = "/var/log/docwatch"
            user_agent = "docwatch/1.0 (+https://example.org/contact)"
            timezone = "Asia/Shanghai"
            keep_fetch_log = "30d"

            [http]
            concurrency = 8
            per_host = 1
            host_delay = "2s"
            timeout = "20s"
            connect_timeout = "5s"
            max_body = "512KiB"
            max_redirects = 3
            proxy = "http://proxy:3128"

            [schedule]
            interval = "15m"
            jitter = 0.2
            max_backoff = "1h"

            [[source]]
            id = "miit-gxdt"
            name = "工业和信息化部 · 工信动态"
            url = "https://www.miit.gov.cn/xwdt/gxdt/index.html"
            kind = "list"
            follow = '^https://www\\.miit\\.gov\\.cn/xwdt/gxdt/.+\\.html$'
            interval = "15m"
            charset = "gbk"
            tags = ["national", "industry"]
            pages = 2
            max_new = 20
            recheck = "7d"
            """
        let config = try parser.parse(text, file: "/etc/docwatch/docwatch.toml")
        #expect(config.database == "/var/lib/docwatch/docwatch.sqlite")
        #expect(config.keepFetchLog == 30 * 86_400)
        #expect(config.http.concurrency == 8 && config.http.perHost == 1 && config.http.hostDelay == 2)
        #expect(config.http.maxBody == 512 * 1024 && config.http.maxRedirects == 3 && config.http.proxy == "http://proxy:3128")
        #expect(config.schedule.interval == 900 && config.schedule.jitter == 0.2 && config.schedule.maxBackoff == 3600)
        let source = try #require(config.sources.first)
        #expect(source.kind == .list && source.charset == "gbk" && source.tags == ["national", "industry"])
        #expect(source.pages == 2 && source.maxNew == 20 && source.recheck == 7 * 86_400)
    }

    @Test("defaults apply when only sources are given")
    func defaults() throws {
        let config = try parser.parse("[[source]]\nid = \"a\"\nurl = \"https://a.example/\"\n", file: "/etc/d.toml")
        #expect(config.database == "/home/op/.local/state/docwatch/docwatch.sqlite")
        #expect(config.logDir == "/home/op/.local/state/docwatch/log")
        #expect(config.http == HTTPSettings())
        #expect(config.schedule == ScheduleSettings())
        #expect(config.sources[0].kind == .page)
    }

    @Test("systemd's STATE_DIRECTORY and LOGS_DIRECTORY are the defaults under a unit")
    func systemdDirectories() throws {
        let parser = ConfigParser(environment: ["STATE_DIRECTORY": "/var/lib/docwatch", "LOGS_DIRECTORY": "/var/log/docwatch"])
        let config = try parser.parse("", file: "/etc/d.toml")
        #expect(config.database == "/var/lib/docwatch/docwatch.sqlite")
        #expect(config.logDir == "/var/log/docwatch")
    }

    @Test("relative paths resolve against the config file's directory")
    func relativePaths() throws {
        let config = try parser.parse("database = \"state/db.sqlite\"", file: "/srv/watch/docwatch.toml")
        #expect(config.database == "/srv/watch/state/db.sqlite")
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let expected: ConfigError
        var testDescription: String { name }
    }

    @Test(arguments: [
        BadCase(name: "unknown top-level key", text: "database = \"/d\"\ndatabse = \"/x\"\n",
                expected: .unknownKey(file: "/c.toml", line: 2, column: 1, key: "databse")),
        BadCase(name: "unknown key in [http]", text: "[http]\nconcurrency = 4\nconcurency = 5\n",
                expected: .unknownKey(file: "/c.toml", line: 3, column: 1, key: "http.concurency")),
        BadCase(name: "unknown key in a source", text: "[[source]]\nid = \"a\"\nurl = \"https://a.example/\"\n\n[[source]]\nid = \"b\"\nurl = \"https://b.example/\"\nfolow = \"x\"\n",
                expected: .unknownKey(file: "/c.toml", line: 8, column: 1, key: "source[2].folow")),
        BadCase(name: "bad duration", text: "[schedule]\ninterval = \"soon\"\n",
                expected: .badValue(file: "/c.toml", line: 2, column: 1, key: "schedule.interval", message: "'soon' is not a duration like \"90s\", \"15m\", \"6h\" or \"7d\" (at most 100 years)")),
        BadCase(name: "bad size", text: "[http]\nmax_body = \"big\"\n",
                expected: .badValue(file: "/c.toml", line: 2, column: 1, key: "http.max_body", message: "'big' is not a size like \"512KiB\" or \"20MiB\" (at most 1024TiB)")),
        BadCase(name: "wrong type", text: "[http]\nconcurrency = \"8\"\n",
                expected: .badValue(file: "/c.toml", line: 2, column: 1, key: "http.concurrency", message: "expected an integer, found string")),
        BadCase(name: "duplicate source id", text: "[[source]]\nid = \"a\"\nurl = \"https://a.example/\"\n[[source]]\nid = \"a\"\nurl = \"https://b.example/\"\n",
                expected: .duplicateSource(file: "/c.toml", line: 5, column: 1, id: "a")),
        BadCase(name: "missing url", text: "[[source]]\nid = \"a\"\n",
                expected: .missingKey(file: "/c.toml", line: 1, column: 1, key: "source[1].url")),
        BadCase(name: "bad source id", text: "[[source]]\nid = \"A b\"\nurl = \"https://a.example/\"\n",
                expected: .badValue(file: "/c.toml", line: 2, column: 1, key: "source[1].id", message: "'A b' must match [a-z0-9-]+")),
        BadCase(name: "ftp url", text: "[[source]]\nid = \"a\"\nurl = \"ftp://a.example/\"\n",
                expected: .badValue(file: "/c.toml", line: 3, column: 1, key: "source[1].url", message: "'ftp://a.example/' is not an absolute http(s) URL")),
        BadCase(name: "unknown kind", text: "[[source]]\nid = \"a\"\nurl = \"https://a.example/\"\nkind = \"rss\"\n",
                expected: .badValue(file: "/c.toml", line: 4, column: 1, key: "source[1].kind", message: "'rss' is not one of page, list, feed, sitemap, json")),
        BadCase(name: "a key's line is exact after a multi-line string holding the same text",
                text: "user_agent = \"\"\"\nconcurency = 5\n\"\"\"\nconcurency = 5\n",
                expected: .unknownKey(file: "/c.toml", line: 4, column: 1, key: "concurency")),
        BadCase(name: "a dotted key names its own line, and the column of its last part", text: "database = \"/d\"\n\nschedule.interval = \"soon\"\n",
                expected: .badValue(file: "/c.toml", line: 3, column: 10, key: "schedule.interval", message: "'soon' is not a duration like \"90s\", \"15m\", \"6h\" or \"7d\" (at most 100 years)")),
        BadCase(name: "a date where a string belongs", text: "[http]\nproxy = 1979-05-27T07:32:00Z\n",
                expected: .badValue(file: "/c.toml", line: 2, column: 1, key: "http.proxy", message: "expected a string, found date-time")),
        BadCase(name: "a source that is not a table", text: "source = [1]\n",
                expected: .badValue(file: "/c.toml", line: 1, column: 11, key: "source[1]", message: "expected a table")),
        // Found by the config fuzzer: these once trapped converting to Int (exit 132) instead of being refused.
        BadCase(name: "a size past Int", text: "[http]\nmax_body = \"23333333333333333333333333333330MiB\"\n",
                expected: .badValue(file: "/c.toml", line: 2, column: 1, key: "http.max_body", message: "'23333333333333333333333333333330MiB' is not a size like \"512KiB\" or \"20MiB\" (at most 1024TiB)")),
        BadCase(name: "a duration past any clock", text: "[schedule]\ninterval = \"1e300d\"\n",
                expected: .badValue(file: "/c.toml", line: 2, column: 1, key: "schedule.interval", message: "'1e300d' is not a duration like \"90s\", \"15m\", \"6h\" or \"7d\" (at most 100 years)")),
        BadCase(name: "bad time zone", text: "timezone = \"Mars/Olympus\"\n",
                expected: .badValue(file: "/c.toml", line: 1, column: 1, key: "timezone", message: "'Mars/Olympus' is not an IANA time zone")),
    ])
    func rejects(_ bad: BadCase) {
        #expect(throws: bad.expected) { try parser.parse(bad.text, file: "/c.toml") }
    }

    @Test("a TOML syntax error names its line")
    func syntaxError() {
        do {
            _ = try parser.parse("[http]\nconcurrency = = 3\n", file: "/c.toml")
            Issue.record("expected a syntax error")
        } catch {
            guard case .syntax(let file, let line, _, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(file == "/c.toml" && line == 2)
            #expect(error.description.hasPrefix("/c.toml:2:"))
        }
    }

    @Test("errors read as one line naming file, line and key")
    func errorDescription() {
        #expect(ConfigError.unknownKey(file: "/etc/docwatch/docwatch.toml", line: 7, column: 1, key: "http.concurency").description
            == "/etc/docwatch/docwatch.toml:7:1: unknown key 'http.concurency'")
    }
}

@Suite("Config loader")
struct ConfigLoaderTests {
    @Test("--config wins over $DOCWATCH_CONFIG, which wins over /etc")
    func lookupOrder() {
        let loader = ConfigLoader(environment: ["DOCWATCH_CONFIG": "/env.toml"])
        #expect(loader.resolvePath(explicit: "/flag.toml") == "/flag.toml")
        #expect(loader.resolvePath(explicit: nil) == "/env.toml")
        #expect(ConfigLoader(environment: [:]).resolvePath(explicit: nil) == "/etc/docwatch/docwatch.toml")
    }

    @Test("a missing file is a clear error")
    func missingFile() {
        #expect(throws: ConfigError.notFound(path: "/nonexistent/docwatch.toml")) {
            try ConfigLoader(environment: [:]).load(explicit: "/nonexistent/docwatch.toml")
        }
    }
}
