import DocWatchCore
@testable import DocWatchStore
import Foundation
import GRDB
import Testing

/// `syncSources` writes only the rows that differ from the configuration, and leaves the table as the
/// old mirror did (every row marked removed, then every configured one upserted).
@Suite("Source sync")
struct SourceSyncTests {
    private static func source(_ id: String, url: String? = nil, name: String? = nil, kind: SourceKind = .page) -> Source {
        var source = Source(id: id, url: url ?? "https://gov.example/\(id).html")
        if let name { source.name = name }
        source.kind = kind
        return source
    }

    private struct Row: Equatable, CustomStringConvertible {
        var id: String, kind: String, url: String, name: String, removed: Bool
        var description: String { "\(id) \(kind) \(url) \(name) removed=\(removed)" }
    }

    private static func rows(_ database: DocWatchDatabase) throws -> [Row] {
        try database.writer.read { db in
            try GRDB.Row.fetchAll(db, sql: "SELECT id, kind, url, name, removed FROM source ORDER BY id").map {
                Row(id: $0["id"], kind: $0["kind"], url: $0["url"], name: $0["name"], removed: $0["removed"])
            }
        }
    }

    /// Rows changed by `body` in the database's writer connection.
    private static func changes(_ database: DocWatchDatabase, _ body: () throws -> Void) throws -> Int {
        let before = try database.writer.write { $0.totalChangesCount }
        try body()
        return try database.writer.write { $0.totalChangesCount } - before
    }

    @Test("a sync of the sources as stored changes no row")
    func unchangedWritesNothing() throws {
        let database = try DocWatchDatabase.inMemory()
        let sources = [Self.source("a"), Self.source("b", kind: .list)]
        try database.syncSources(sources)
        let before = try Self.rows(database)
        #expect(try Self.changes(database) { try database.syncSources(sources) } == 0)
        #expect(try Self.rows(database) == before)
    }

    @Test("added, changed, removed and re-added sources end as the configuration says, writing only those")
    func changesAreMirrored() throws {
        let database = try DocWatchDatabase.inMemory()
        try database.syncSources([Self.source("a"), Self.source("b"), Self.source("c")])
        // b renamed, c dropped, d added: three rows written.
        let second = [Self.source("a"), Self.source("b", name: "乙"), Self.source("d", url: "https://gov.example/d/")]
        #expect(try Self.changes(database) { try database.syncSources(second) } == 3)
        #expect(try Self.rows(database) == [
            Row(id: "a", kind: "page", url: "https://gov.example/a.html", name: Self.source("a").name, removed: false),
            Row(id: "b", kind: "page", url: "https://gov.example/b.html", name: "乙", removed: false),
            Row(id: "c", kind: "page", url: "https://gov.example/c.html", name: Self.source("c").name, removed: true),
            Row(id: "d", kind: "page", url: "https://gov.example/d/", name: Self.source("d").name, removed: false),
        ])
        // c back as a feed; a's URL moved; b and d gone.
        try database.syncSources([Self.source("a", url: "https://gov.example/a2.html"), Self.source("c", kind: .feed)])
        #expect(try Self.rows(database).map(\.description) == [
            "a page https://gov.example/a2.html \(Self.source("a").name) removed=false",
            "b page https://gov.example/b.html 乙 removed=true",
            "c feed https://gov.example/c.html \(Self.source("c").name) removed=false",
            "d page https://gov.example/d/ \(Self.source("d").name) removed=true",
        ])
    }

    @Test("of two entries with one id the last wins, as each upsert in turn would leave it")
    func lastOfOneIDWins() throws {
        let database = try DocWatchDatabase.inMemory()
        try database.syncSources([Self.source("a")])
        try database.syncSources([Self.source("a", url: "https://gov.example/x.html"), Self.source("a")])
        #expect(try Self.rows(database).map(\.url) == ["https://gov.example/a.html"])
    }
}
