@testable import DocWatchPostgres
@testable import DocWatchStore
import Testing

/// The two backends' schemas are one list of named migrations: PostgreSQL has a twin, in the same order
/// and under the same name, of every SQLite migration, and adds only what a single file never needs
/// (leases, the shared host schedule, the node that claimed an event).
@Suite("Schema: one list of migrations for both backends")
struct SchemaTwinTests {
    static let postgresOnly: Set = ["v9-cluster: leases, the shared host schedule, the node that wrote each event"]

    @Test("every SQLite migration has a PostgreSQL twin in the same order under the same name")
    func sameNamesSameOrder() {
        let sqlite = Migrations.migrator.migrations
        let postgres = PostgresMigrations.all.map(\.name).filter { !Self.postgresOnly.contains($0) }
        #expect(postgres == sqlite)
    }
}
