import DocWatchPostgres
import DocWatchStore
import DocWatchTestSupport
import Foundation

/// A migrated store on a fresh PostgreSQL database and a connection to read its tables with SQL (for
/// what the read methods of the store do not cover).
final class PostgresWriteDatabase {
    let database: PostgresTestDatabase
    let store: PostgresStore
    let connection: PostgresConnection

    init(node: String = "test-node") throws {
        database = try PostgresTestDatabase()
        store = try database.open(node: node)
        connection = try PostgresConnection(url: database.url)
    }

    /// The rows of `sql`, each column as text.
    func rows(_ sql: String, _ parameters: [any PostgresBindable] = []) throws -> [PostgresRow] {
        try connection.query(sql, parameters, operation: "read back")
    }

    /// The outbox, oldest first, as the notifier would read it.
    func events() throws -> [OutboxRow] {
        try rows("SELECT * FROM outbox ORDER BY seq").map(OutboxRow.init)
    }
}

/// One outbox row, the fields the tests compare.
struct OutboxRow: Equatable {
    var seq: Int64?
    var type: String?
    var source: String?
    var url: String?
    var document: Int64?
    var version: Int?
    var contentHash: String?
    var previousHash: String?
    var title: String?
    var diffAdded: Int?
    var diffRemoved: Int?
    var diffText: String?
    var diffDetail: String?
    var node: String?

    init(_ row: PostgresRow) {
        seq = row.int64("seq")
        type = row.string("type")
        source = row.string("source")
        url = row.string("url")
        document = row.int64("document")
        version = row.int("version")
        contentHash = row.string("content_hash")
        previousHash = row.string("previous_hash")
        title = row.string("title")
        diffAdded = row.int("diff_added")
        diffRemoved = row.int("diff_removed")
        diffText = row.string("diff")
        diffDetail = row.string("diff_detail")
        node = row.string("node")
    }
}
