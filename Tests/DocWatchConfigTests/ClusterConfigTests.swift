import DocWatchConfig
import DocWatchCore
import Testing

@Suite("Config: [cluster]")
struct ClusterConfigTests {
    let parser = ConfigParser(environment: ["HOME": "/home/op"])
    let postgres = "database = \"postgresql://docwatch@db.example:5432/docwatch\"\n"

    @Test("without the table the node is the default (host name and pid) and the lease ten minutes")
    func defaults() throws {
        let config = try parser.parse(postgres, file: "/etc/docwatch.toml")
        #expect(config.cluster == ClusterSettings(node: nil, lease: 600))
    }

    @Test("a PostgreSQL URL is kept as written, not resolved against the config's directory")
    func postgresURLIsNotAPath() throws {
        let config = try parser.parse(postgres, file: "/etc/docwatch/docwatch.toml")
        #expect(config.database == "postgresql://docwatch@db.example:5432/docwatch")
    }

    @Test("node and lease are read")
    func readsNodeAndLease() throws {
        let config = try parser.parse(postgres + "[cluster]\nnode = \"poller-2.bj\"\nlease = \"90s\"\n", file: "/etc/docwatch.toml")
        #expect(config.cluster == ClusterSettings(node: "poller-2.bj", lease: 90))
    }

    @Test("bad values are config errors naming file, line, column and key", arguments: [
        ("[cluster]\nnode = \"\"", "/etc/docwatch.toml:3:1: ", "cluster.node"),
        ("[cluster]\nnode = \"two words\"", "/etc/docwatch.toml:3:1: ", "cluster.node"),
        ("[cluster]\nlease = \"0s\"", "/etc/docwatch.toml:3:1: ", "cluster.lease"),
        ("[cluster]\nlease = \"soon\"", "/etc/docwatch.toml:3:1: ", "cluster.lease"),
        ("[cluster]\nnodes = 2", "/etc/docwatch.toml:3:1: ", "cluster.nodes"),
        ("cluster = 1", "/etc/docwatch.toml:2:1: ", "cluster"),
    ])
    func badValues(text: String, place: String, key: String) {
        #expect {
            try parser.parse(postgres + text, file: "/etc/docwatch.toml")
        } throws: { error in
            "\(error)".hasPrefix(place) && "\(error)".contains("'\(key)'")
        }
    }

    @Test("[cluster] with a SQLite database is an error at the table, saying why")
    func clusterWithSQLiteIsAnError() {
        #expect {
            try parser.parse("database = \"/var/lib/docwatch.sqlite\"\n\n[cluster]\nnode = \"a\"\n", file: "/etc/docwatch.toml")
        } throws: { error in
            "\(error)".hasPrefix("/etc/docwatch.toml:3:1: ") && "\(error)".contains("postgresql://")
                && "\(error)".contains("SQLite")
        }
    }
}
