import DocWatchPostgres
import DocWatchTestSupport
import Foundation
import Testing

/// The read-only commands against PostgreSQL as an analyst meets them: a role that may only `SELECT`,
/// `changes` read from the database in the log directory's format, `sources` naming the node.
@Suite("End to end: reading PostgreSQL with a SELECT-only role", .enabled(if: PostgresTestDatabase.isAvailable),
       .disabled("until PostgresStore's events(after:limit:) and health(of:) replace their placeholders (pg-reads)"))
struct PostgresReaderEndToEndTests {
    /// A role that may log in and read every docwatch table of `database`, and nothing more.
    final class ReadOnlyRole {
        let name = "reader_" + UUID().uuidString.prefix(8).lowercased()
        let database: PostgresTestDatabase
        /// The database's URL with this role as the user.
        var url: String { database.url.replacingOccurrences(of: "://docwatch@", with: "://\(name)@") }

        init(on database: PostgresTestDatabase) throws {
            self.database = database
            let owner = try PostgresConnection(url: database.url)
            try owner.script("""
                CREATE ROLE \(name) LOGIN;
                GRANT SELECT ON ALL TABLES IN SCHEMA public TO \(name);
                """, operation: "create a read-only role")
        }

        deinit {
            try? PostgresConnection(url: database.url).script("DROP OWNED BY \(name)", operation: "revoke")
            if let cluster = PostgresTestDatabase.clusterURL {
                try? PostgresConnection(url: cluster).script("DROP ROLE IF EXISTS \(name)", operation: "drop the role")
            }
        }
    }

    /// Two stored pages in a SQLite workspace (events written to its log directory), copied to PostgreSQL.
    static func fetchedAndCopied(_ server: TestHTTPServer) async throws -> (space: Workspace, database: PostgresTestDatabase) {
        server.page(path: "/a.html", body: Fixtures.article(title: "复工复产进展", site: "某网", paragraphs: ["宁波市复工率达到99.7%。"], charset: "utf-8"), etag: "\"e\"")
        server.page(path: "/b.html", body: Fixtures.article(title: "江苏能源规划", site: "某网", paragraphs: ["光伏装机容量120万千瓦。"], charset: "utf-8"), etag: "\"e\"")
        let space = try Workspace()
        try space.writeConfig(sources: pageSource("a", server.url("/a.html")) + pageSource("b", server.url("/b.html")))
        let fetched = try await space.run(["fetch"])
        #expect(fetched.status == 0, "\(fetched.stderr)")
        let database = try PostgresTestDatabase()
        let copy = try await DocWatchProcess.run(["migrate", "--from", "sqlite:\(space.databasePath)", "--to", database.url])
        #expect(copy.status == 0, "\(copy.stderr)")
        return (space, database)
    }

    /// A config naming only `url` and the same sources.
    static func readerConfig(_ space: Workspace, url: String, _ server: TestHTTPServer) throws -> String {
        let path = space.directory.appendingPathComponent("analyst.toml").path
        try ("database = \"\(url)\"\nlog_dir = \"\(space.directory.path)/no-log-dir-here\"\n\n"
            + pageSource("a", server.url("/a.html")) + pageSource("b", server.url("/b.html")))
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("changes on PostgreSQL prints what the log directory holds, line for line, as text and JSON, honouring --since")
    func changesMatchTheLogDirectory() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let (space, database) = try await Self.fetchedAndCopied(server)
        let role = try ReadOnlyRole(on: database)
        let analyst = try Self.readerConfig(space, url: role.url, server)
        for flags in [["--json"], []] {
            let fromFiles = try await space.run(["changes"] + flags)
            let fromDatabase = try await DocWatchProcess.run(["changes", "--config", analyst] + flags)
            #expect(fromDatabase.status == 0, "\(fromDatabase.stderr)")
            #expect(fromDatabase.stdout == fromFiles.stdout)
        }
        #expect(try await space.run(["changes", "--json"]).stdoutLines.count == 2)
        let future = try await DocWatchProcess.run(["changes", "--json", "--since", "2999-01-01", "--config", analyst])
        #expect(future.status == 0 && future.stdout.isEmpty, "\(future.stderr)")
    }

    @Test("sources on PostgreSQL has a NODE column and a node key; on SQLite neither")
    func sourcesShowTheNode() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let (space, database) = try await Self.fetchedAndCopied(server)
        let role = try ReadOnlyRole(on: database)
        let analyst = try Self.readerConfig(space, url: role.url, server)
        let table = try await DocWatchProcess.run(["sources", "--config", analyst])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdoutLines.first?.contains(" NODE ") == true, "\(table.stdout)")
        let json = try Workspace.jsonLines(try await DocWatchProcess.run(["sources", "--json", "--config", analyst]).stdout)
        #expect(json.count == 2 && json.allSatisfy { $0.keys.contains("node") })
        let onSQLite = try await space.run(["sources", "--json"])
        #expect(try Workspace.jsonLines(onSQLite.stdout).allSatisfy { !$0.keys.contains("node") })
        #expect(try await space.run(["sources"]).stdoutLines.first?.contains("NODE") == false)
    }
}
