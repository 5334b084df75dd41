import DocWatchPostgres
import DocWatchStore
import DocWatchTestSupport
import Foundation
import Testing

@Suite("PostgreSQL connection", .enabled(if: PostgresTestDatabase.isAvailable))
struct PostgresConnectionTests {
    @Test func parametersRoundTripTextBytesDatesAndNull() throws {
        let database = try PostgresTestDatabase()
        let connection = try PostgresConnection(url: database.url)
        let date = Date(timeIntervalSince1970: 1_786_000_000.123)
        let bytes: [UInt8] = [0, 1, 2, 0xFF, 0x5C, 0x78]
        let rows = try connection.query(
            "SELECT $1::text AS t, $2::bytea AS b, $3::timestamptz AS d, $4::text AS n, $5::bigint AS i",
            ["甬党发〔2020〕4号 'quoted'", bytes, date, String?.none, Int64.min], operation: "round trip")
        #expect(rows.first?.string("t") == "甬党发〔2020〕4号 'quoted'")
        #expect(rows.first?.bytes("b") == bytes)
        #expect(rows.first?.date("d") == date)
        #expect(rows.first?.string("n") == nil)
        #expect(rows.first?.int64("i") == Int64.min)
    }

    @Test func aFailedStatementSaysWhatAndKeepsItsSQLState() throws {
        let database = try PostgresTestDatabase()
        let connection = try PostgresConnection(url: database.url)
        let error = #expect(throws: StoreError.self) {
            try connection.query("SELECT * FROM no_such_table", operation: "read a table")
        }
        #expect(error?.sqlState == "42P01")
        #expect(error?.description.contains("cannot read a table") == true)
        // The connection is still usable after a failed statement.
        #expect(try connection.query("SELECT 1 AS one", operation: "select").first?.int("one") == 1)
    }

    @Test func aWrongServerIsAClearErrorWithoutThePassword() throws {
        let error = #expect(throws: StoreError.self) {
            try PostgresConnection(url: "postgresql://someone:secret@127.0.0.1:1/docwatch?connect_timeout=2")
        }
        #expect(error?.description.contains("secret") == false)
        #expect(error?.description.contains("someone:***@127.0.0.1:1") == true)
    }

    @Test func migrationsApplyOnceAndAgainIsANoOp() throws {
        let database = try PostgresTestDatabase()
        _ = try database.open()
        _ = try database.open(node: "second")
        let connection = try PostgresConnection(url: database.url)
        let names = try connection.query("SELECT name FROM docwatch_migrations ORDER BY name", operation: "read").compactMap { $0.string("name") }
        #expect(names.count == Set(names).count)
        #expect(names.contains("v9-cluster: leases, the shared host schedule, the node that wrote each event"))
    }

    @Test func aTransactionThatThrowsLeavesNothing() throws {
        let database = try PostgresTestDatabase()
        let pool = try PostgresPool(url: database.url)
        try pool.withConnection { (connection) throws(StoreError) in try connection.script("CREATE TABLE t (x int)", operation: "create") }
        #expect(throws: StoreError.self) {
            try pool.transaction("insert then fail") { (connection) throws(StoreError) in
                try connection.query("INSERT INTO t VALUES (1)", operation: "insert")
                try connection.query("SELECT * FROM missing", operation: "fail")
            }
        }
        let count = try pool.withConnection { (connection) throws(StoreError) in
            try connection.query("SELECT count(*) AS n FROM t", operation: "count").first?.int("n")
        }
        #expect(count == 0)
    }
}

@Suite("PostgreSQL text parameters", .enabled(if: PostgresTestDatabase.isAvailable))
struct PostgresTextParameterTests {
    @Test func aNULInTextBindsAsAReplacementCharacterAndKeepsWhatFollows() throws {
        let database = try PostgresTestDatabase()
        let connection = try PostgresConnection(url: database.url)
        let rows = try connection.query("SELECT $1::text AS t", ["前\u{0}后"], operation: "round trip")
        #expect(rows.first?.string("t") == "前\u{FFFD}后")
    }
}
