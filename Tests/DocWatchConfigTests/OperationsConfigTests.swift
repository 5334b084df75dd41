import DocWatchConfig
import DocWatchCore
import Testing

@Suite("Config: [metrics] and [retention]")
struct OperationsConfigTests {
    let parser = ConfigParser(environment: ["HOME": "/home/op"])

    @Test("without the tables nothing listens and everything but the fetch log (30 d) is kept")
    func defaults() throws {
        let config = try parser.parse("", file: "/etc/docwatch.toml")
        #expect(config.metrics.listen == nil)
        #expect(config.retention == RetentionSettings())
        #expect(config.keepFetchLog == 30 * 86_400)
    }

    @Test("[metrics] and [retention] are read", arguments: [
        ("listen = \"127.0.0.1:9464\"", ListenAddress(host: "127.0.0.1", port: 9464)),
        ("listen = \"[::1]:9100\"", ListenAddress(host: "::1", port: 9100, isIPv6: true)),
        ("listen = \"0.0.0.0:80\"", ListenAddress(host: "0.0.0.0", port: 80)),
    ])
    func listen(line: String, expected: ListenAddress) throws {
        let config = try parser.parse("[metrics]\n\(line)\n", file: "/etc/docwatch.toml")
        #expect(config.metrics.listen == expected)
    }

    @Test("retention keys take durations and a count; keep_fetch_log may sit in [retention]")
    func retention() throws {
        let config = try parser.parse("""
            [retention]
            keep_versions = 3
            keep_raw = "90d"
            keep_changes = "30d"
            keep_fetch_log = "7d"
            """, file: "/etc/docwatch.toml")
        #expect(config.retention == RetentionSettings(keepVersions: 3, keepRaw: 90 * 86_400, keepChanges: 30 * 86_400))
        #expect(config.keepFetchLog == 7 * 86_400)
    }

    @Test("bad values are config errors naming file, line and key", arguments: [
        ("[metrics]\nlisten = \"localhost:9464\"", "metrics.listen"),
        ("[metrics]\nlisten = \"127.0.0.1\"", "metrics.listen"),
        ("[metrics]\nlisten = \"127.0.0.1:0\"", "metrics.listen"),
        ("[metrics]\nlisten = \"127.0.0.1:70000\"", "metrics.listen"),
        ("[metrics]\nlisten = \"[::1:9464\"", "metrics.listen"),
        ("[metrics]\nport = 9464", "metrics.port"),
        ("[retention]\nkeep_versions = 0", "retention.keep_versions"),
        ("[retention]\nkeep_raw = \"10m\"", "retention.keep_raw"),
        ("[retention]\nkeep_changes = \"forever\"", "retention.keep_changes"),
        ("[retention]\nkeep_everything = true", "retention.keep_everything"),
    ])
    func badValues(text: String, key: String) {
        #expect {
            try parser.parse(text, file: "/etc/docwatch.toml")
        } throws: { error in
            "\(error)".hasPrefix("/etc/docwatch.toml:2:1: ") && "\(error)".contains("'\(key)'")
        }
    }
}
