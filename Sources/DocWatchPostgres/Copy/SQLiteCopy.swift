import DocWatchStore
import Foundation

/// Copies a SQLite docwatch database into an empty PostgreSQL one (`docwatch migrate --from sqlite:PATH
/// --to postgresql://…`): every table with its ids and seqs, delivered flags included, then the
/// identity sequences past the copied ids and the search terms of each indexed document.
///
/// The SQLite side is read in one snapshot (`DocWatchDatabase.export`); each table is written in one
/// PostgreSQL transaction, in batches, so only one batch of raw bodies is in memory at a time. A target
/// that holds any docwatch row is refused: the copy never merges.
public struct SQLiteCopy {
    /// One copied table and its row count.
    public struct Copied: Sendable, Equatable {
        public var table: String
        public var rows: Int

        public init(table: String, rows: Int) {
            self.table = table
            self.rows = rows
        }
    }

    /// A table in copy order (parents before children), the order its rows are read in, and how
    /// many rows go in one INSERT.
    struct Table {
        var name: String
        var orderBy: String
        var batch = 500
    }

    static let tables: [Table] = [
        Table(name: "source", orderBy: "id"),
        Table(name: "fetch_log", orderBy: "id"),
        Table(name: "body", orderBy: "raw_hash", batch: 16),
        Table(name: "document", orderBy: "id"),
        Table(name: "version", orderBy: "id", batch: 100),
        Table(name: "attachment", orderBy: "id", batch: 100),
        Table(name: "fact", orderBy: "id"),
        Table(name: "simhash_band", orderBy: "band, document"),
        Table(name: "near_duplicate", orderBy: "document, other"),
        Table(name: "paragraph_hash", orderBy: "hash, document"),
        Table(name: "outbox", orderBy: "seq", batch: 200),
        Table(name: "listing", orderBy: "url"),
        Table(name: "push_cursor", orderBy: "target"),
    ]

    /// The identity columns whose sequences must continue after the copied values.
    static let identities: [(table: String, column: String)] = [
        ("fetch_log", "id"), ("document", "id"), ("version", "id"), ("attachment", "id"), ("fact", "id"), ("outbox", "seq"),
    ]

    let source: DocWatchDatabase
    let pool: PostgresPool

    /// `source` is the SQLite database; `url` the PostgreSQL one, migrated here if it is not yet.
    public init(from source: DocWatchDatabase, to url: String) throws(StoreError) {
        self.source = source
        pool = try PostgresPool(url: url, size: 1)
        try PostgresMigrator.migrate(pool)
    }

    /// Copies everything; `progress` hears each table as it is done. Returns the row count of each table.
    public func run(progress: (Copied) -> Void = { _ in }) throws(StoreError) -> [Copied] {
        try refuseNonEmptyTarget()
        let target = PostgresURL.redacted(pool.url)
        return try source.export { (export) throws(StoreError) -> [Copied] in
            var copied: [Copied] = []
            for table in Self.tables {
                let rows = try copy(table, from: export)
                let done = Copied(table: table.name, rows: rows)
                progress(done)
                copied.append(done)
            }
            try pool.transaction("set the sequences of \(target)") { (connection) throws(StoreError) in
                try advanceIdentities(connection, export: export)
            }
            let indexed = try pool.transaction("build the search terms of \(target)") { (connection) throws(StoreError) -> Int in
                try SearchTermsRebuild.run(connection)
            }
            let done = Copied(table: "document_search", rows: indexed)
            progress(done)
            copied.append(done)
            return copied
        }
    }

    private func refuseNonEmptyTarget() throws(StoreError) {
        let checked = Self.tables.map(\.name) + ["document_search", "host_slot"]
        let union = checked.map { "SELECT '\($0)' AS name FROM \($0) HAVING COUNT(*) > 0" }.joined(separator: " UNION ALL ")
        let filled = try pool.withConnection { (connection) throws(StoreError) -> [String] in
            try connection.query(union, operation: "check that the target is empty").compactMap { $0.string("name") }
        }
        guard filled.isEmpty else {
            throw StoreError(operation: "copy into \(PostgresURL.redacted(pool.url))",
                             message: "the database is not empty (\(filled.joined(separator: ", ")) hold rows); copy only into a new database")
        }
    }

    /// One table in one transaction. `document.duplicate_of` points at other documents, in any order:
    /// it is written after every document is in.
    private func copy(_ table: Table, from export: StoreExport) throws(StoreError) -> Int {
        let columns = try export.columns(of: table.name)
        return try pool.transaction("copy \(table.name)") { (connection) throws(StoreError) -> Int in
            let known = try targetColumns(table.name, connection)
            if let missing = columns.first(where: { !known.contains($0) }) {
                throw StoreError(operation: "copy \(table.name)", message: "the PostgreSQL schema has no column \(missing); update docwatch")
            }
            // SQLite keeps dates as UTC text without a zone.
            try connection.script("SET LOCAL TIME ZONE 'UTC'", operation: "copy \(table.name)")
            var rows = 0
            var duplicates: [(document: Int64, original: Int64)] = []
            try export.forEachBatch(table: table.name, orderBy: table.orderBy, batch: table.batch) { (batch) throws(StoreError) in
                var values = batch
                if table.name == "document" {
                    for index in values.indices {
                        guard case .integer(let original)? = values[index]["duplicate_of"], case .integer(let id)? = values[index]["id"] else { continue }
                        duplicates.append((id, original))
                        values[index]["duplicate_of"] = .null
                    }
                }
                try insert(values, into: table.name, columns: columns, connection)
                rows += batch.count
            }
            for pair in duplicates {
                try connection.query("UPDATE document SET duplicate_of = $2 WHERE id = $1", [pair.document, pair.original],
                                     operation: "copy document \(pair.document)'s duplicate_of")
            }
            return rows
        }
    }

    private func insert(_ rows: [[String: ExportValue]], into table: String, columns: [String], _ connection: PostgresConnection) throws(StoreError) {
        var parameters: [any PostgresBindable] = []
        parameters.reserveCapacity(rows.count * columns.count)
        var tuples: [String] = []
        for row in rows {
            let start = parameters.count
            for column in columns { parameters.append(row[column] ?? .null) }
            tuples.append("(" + (1...columns.count).map { "$\(start + $0)" }.joined(separator: ", ") + ")")
        }
        let names = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        try connection.query("INSERT INTO \(table) (\(names)) VALUES \(tuples.joined(separator: ", "))", parameters,
                             operation: "copy \(table)")
    }

    private func targetColumns(_ table: String, _ connection: PostgresConnection) throws(StoreError) -> Set<String> {
        Set(try connection.query("""
            SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1
            """, [table], operation: "read the columns of \(table)").compactMap { $0.string("column_name") })
    }

    /// Each identity continues after the highest value copied, or after the highest SQLite ever handed
    /// out (`outbox` is AUTOINCREMENT: the seqs of pruned events, which change files hold, are never reused).
    private func advanceIdentities(_ connection: PostgresConnection, export: StoreExport) throws(StoreError) {
        for (table, column) in Self.identities {
            let copied = try connection.query("SELECT COALESCE(MAX(\(column)), 0) AS top FROM \(table)", operation: "read the last \(table) id")
                .first?.int64("top") ?? 0
            let highest = max(copied, try export.autoincrementSequence(of: table) ?? 0)
            try connection.query("SELECT setval(pg_get_serial_sequence($1, $2), $3, $4)",
                                 [table, column, max(highest, 1), highest > 0], operation: "set the \(table) sequence")
        }
    }
}

extension ExportValue: PostgresBindable {
    public var postgresParameter: PostgresParameter? {
        switch self {
        case .null: nil
        case .integer(let number): number.postgresParameter
        case .real(let number): number.postgresParameter
        case .text(let text): text.postgresParameter
        case .blob(let bytes): bytes.postgresParameter
        }
    }
}
