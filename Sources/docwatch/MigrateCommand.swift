import ArgumentParser
import DocWatchPostgres
import DocWatchStore
import Foundation

/// `docwatch migrate`: brings the configured database's schema up to this binary's, or copies a SQLite
/// database into a new PostgreSQL one.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply schema migrations to the configured database, or copy a SQLite database into PostgreSQL.",
        discussion: """
            Without options: applies what the configured database (a SQLite file or a postgresql:// URL) \
            lacks and names each migration applied; the daemon and fetch do the same when they start. \
            With --from sqlite:PATH --to postgresql://…: migrates the PostgreSQL database and copies \
            every table of the SQLite one into it, ids, event seqs and delivered flags kept, then builds \
            its search index. The target must hold no docwatch rows; stop the daemon writing the SQLite \
            file first (what it writes during the copy is not copied).
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The SQLite database to copy, as sqlite:PATH.", valueName: "sqlite:path"))
    var from: String?

    @Option(help: ArgumentHelp("The empty PostgreSQL database to copy into, as postgresql://user@host:5432/name.", valueName: "url"))
    var to: String?

    func validate() throws {
        guard from != nil || to != nil else { return }
        guard let from, let to else { throw ValidationError("--from and --to go together") }
        guard from.hasPrefix("sqlite:"), from.count > "sqlite:".count else {
            throw ValidationError("--from takes sqlite:PATH (the SQLite database to copy)")
        }
        guard StoreOpener.isPostgres(to) else { throw ValidationError("--to takes a postgresql:// URL") }
    }

    func run() async throws {
        try await Terminal.run {
            if let from, let to {
                try copy(from: String(from.dropFirst("sqlite:".count)), to: to)
                return
            }
            let database = try global.loadConfiguration().database
            let shown = PostgresURL.redacted(database)
            let applied: [String]
            do throws(StoreError) {
                applied = try StoreOpener.migrate(database)
            } catch {
                throw CLIError.io(error.description)
            }
            if applied.isEmpty {
                print("\(shown) is up to date (\(StoreOpener.migrationNames(for: database).count) migrations)")
            } else {
                print("applied \(applied.count) migration\(applied.count == 1 ? "" : "s") to \(shown):")
                for name in applied { print("  \(name)") }
            }
        }
    }

    private func copy(from path: String, to url: String) throws {
        let source: DocWatchDatabase
        do throws(ReaderOpenError) {
            source = try DocWatchDatabase.openReader(path: path)
        } catch .missing(let path) {
            throw CLIError.noInput("no SQLite database at \(path)")
        } catch .unreadable(let path, let reason) {
            throw CLIError.noInput("cannot read the SQLite database \(path): \(reason)")
        } catch {
            throw CLIError.io(error.description)
        }
        let target = PostgresURL.redacted(url)
        do throws(StoreError) {
            let copy = try SQLiteCopy(from: source, to: url)
            print("copying \(path) to \(target):")
            let copied = try copy.run { table in
                print("  \(table.table.padding(toLength: 16, withPad: " ", startingAt: 0))\(table.rows) rows")
                FollowOutput.flush()
            }
            print("copied \(copied.filter { $0.table != "document_search" }.map(\.rows).reduce(0, +)) rows; \(target) is ready for the daemon")
        } catch {
            throw CLIError.io(error.description)
        }
    }
}
