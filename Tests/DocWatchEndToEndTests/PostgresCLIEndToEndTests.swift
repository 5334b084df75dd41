import DocWatchPostgres
import DocWatchTestSupport
import Foundation
import Testing

/// The `docwatch` binary with `database = "postgresql://…"`: migrate, the copy from SQLite, what the
/// SQLite-only commands say, and how an unreachable or unmigrated server fails.
@Suite("End to end: the CLI on PostgreSQL", .enabled(if: PostgresTestDatabase.isAvailable))
struct PostgresCLIEndToEndTests {
    /// A workspace whose config names `database` (a URL) instead of its SQLite file.
    static func workspace(database: String) throws -> Workspace {
        let space = try Workspace()
        try """
            database = "\(database)"
            log_dir = "\(space.logDir)"

            [[source]]
            id = "gov"
            url = "http://127.0.0.1:9/none.html"
            """.write(toFile: space.configPath, atomically: true, encoding: .utf8)
        return space
    }

    static func count(_ url: String, _ table: String) throws -> Int? {
        try PostgresConnection(url: url).query("SELECT COUNT(*) AS n FROM \(table)", operation: "count").first?.int("n")
    }

    @Test("migrate names each migration it applies to a new PostgreSQL database, then says it is up to date")
    func migrateOnPostgres() async throws {
        let database = try PostgresTestDatabase()
        let space = try Self.workspace(database: database.url)
        let first = try await space.run(["migrate"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdoutLines.first?.hasPrefix("applied 9 migrations to postgresql://") == true, "\(first.stdout)")
        #expect(first.stdout.contains("v9-cluster"))
        let second = try await space.run(["migrate"])
        #expect(second.stdout.hasSuffix("is up to date (9 migrations)\n"), "\(second.stdout)")
        #expect(try Self.count(database.url, "docwatch_migrations") == 9)
    }

    @Test("migrate on a SQLite path creates and migrates the file, then says it is up to date")
    func migrateOnSQLite() async throws {
        let space = try Workspace()
        try space.writeConfig(sources: pageSource("gov", "http://127.0.0.1:9/none.html"))
        let first = try await space.run(["migrate"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("applied 8 migrations to \(space.databasePath):"), "\(first.stdout)")
        #expect(FileManager.default.fileExists(atPath: space.databasePath))
        let second = try await space.run(["migrate"])
        #expect(second.stdout == "\(space.databasePath) is up to date (8 migrations)\n")
    }

    @Test("migrate --from sqlite: --to postgresql:// copies a fetched database and refuses to copy into it twice")
    func copyFetchedDatabase() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        server.page(path: "/a.html", body: Fixtures.article(title: "复工复产进展", site: "某网", paragraphs: ["宁波市复工率达到99.7%。"], charset: "utf-8"),
                    etag: "\"a\"")
        let space = try Workspace()
        try space.writeConfig(sources: pageSource("gov", server.url("/a.html")))
        let fetched = try await space.run(["fetch"])
        #expect(fetched.status == 0, "\(fetched.stderr)")
        let database = try PostgresTestDatabase()
        let copy = try await DocWatchProcess.run(["migrate", "--from", "sqlite:\(space.databasePath)", "--to", database.url])
        #expect(copy.status == 0, "\(copy.stderr)")
        #expect(copy.stdoutLines.contains { $0.hasPrefix("  document") && $0.hasSuffix(" 1 rows") }, "\(copy.stdout)")
        #expect(copy.stdoutLines.contains { $0.hasPrefix("  document_search") && $0.hasSuffix(" 1 rows") })
        #expect(try Self.count(database.url, "document") == 1)
        #expect(try Self.count(database.url, "outbox") == 1)
        let again = try await DocWatchProcess.run(["migrate", "--from", "sqlite:\(space.databasePath)", "--to", database.url])
        #expect(again.status == 74)
        #expect(again.stderr.contains("not empty"), "\(again.stderr)")
        #expect(try Self.count(database.url, "document") == 1)
    }

    @Test("--from without sqlite: or without --to is a usage error")
    func copyArgumentsAreChecked() async throws {
        let noScheme = try await DocWatchProcess.run(["migrate", "--from", "/tmp/x.sqlite", "--to", "postgresql://u@127.0.0.1/x"])
        #expect(noScheme.status == 64)
        #expect(noScheme.stderr.contains("sqlite:PATH"))
        let alone = try await DocWatchProcess.run(["migrate", "--from", "sqlite:/tmp/x.sqlite"])
        #expect(alone.status == 64)
        let notPostgres = try await DocWatchProcess.run(["migrate", "--from", "sqlite:/tmp/x.sqlite", "--to", "/tmp/y.sqlite"])
        #expect(notPostgres.status == 64)
    }

    @Test("backup on PostgreSQL says to use pg_dump, exit 64, and writes nothing")
    func backupPointsToPgDump() async throws {
        let database = try PostgresTestDatabase()
        let space = try Self.workspace(database: database.url)
        let target = space.directory.appendingPathComponent("copy.sqlite").path
        let result = try await space.run(["backup", target])
        #expect(result.status == 64)
        #expect(result.stderr.contains("pg_dump"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test("an unreachable server: libpq's message with the password redacted, exit 74, for readers and writers", arguments: [
        ["query", "江苏"], ["sources"], ["changes"], ["migrate"], ["fetch"],
    ])
    func unreachableServer(_ command: [String]) async throws {
        let space = try Self.workspace(database: "postgresql://docwatch:s3cret@127.0.0.1:1/docwatch?connect_timeout=2")
        let result = try await space.run(command)
        #expect(result.status == 74, "\(result.stderr)")
        #expect(!result.stderr.contains("s3cret"))
        #expect(result.stderr.contains("docwatch:***@127.0.0.1:1"), "\(result.stderr)")
        #expect(result.stderr.contains("Connection refused") || result.stderr.contains("connection"), "\(result.stderr)")
    }

    @Test("a read-only command never migrates: an empty database is an older schema, told to run migrate")
    func readerRefusesUnmigratedDatabase() async throws {
        let database = try PostgresTestDatabase()
        let space = try Self.workspace(database: database.url)
        let result = try await space.run(["query", "江苏"])
        #expect(result.status == 74)
        #expect(result.stderr.contains("docwatch migrate"), "\(result.stderr)")
        let tables = try PostgresConnection(url: database.url)
            .query("SELECT to_regclass('docwatch_migrations') IS NULL AS absent", operation: "look").first?.bool("absent")
        #expect(tables == true)
    }

    @Test("check-config shows a PostgreSQL URL without its password")
    func checkConfigRedactsThePassword() async throws {
        let space = try Self.workspace(database: "postgresql://docwatch:s3cret@db.example:5432/docwatch?sslmode=require")
        let result = try await space.run(["check-config"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("database = \"postgresql://docwatch:***@db.example:5432/docwatch?sslmode=require\""))
        #expect(!result.stdout.contains("s3cret"))
    }
}
