import ArgumentParser
import DocWatchPostgres
import DocWatchStore
import Foundation

/// `docwatch backup PATH`: a consistent copy of the database, taken while the daemon runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the database to a new file (safe while the daemon runs).",
        discussion: """
            Reads the database read-only, so a member of the docwatch group can run it. Refuses to \
            overwrite an existing file. SQLite only: back up a PostgreSQL database with pg_dump. To restore: stop the daemon, replace the database file with the \
            copy, remove the old database's -wal and -shm files, start the daemon.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The file to write; must not exist.", valueName: "path"))
    var path: String

    func run() async throws {
        try await Terminal.run {
            let configuration = try global.loadConfiguration()
            if StoreOpener.isPostgres(configuration.database) {
                // 64 (EX_USAGE): this command does not apply to the configured database.
                throw CLIError.usage("""
                    backup copies a SQLite database file; \(PostgresURL.redacted(configuration.database)) is PostgreSQL: \
                    use pg_dump (or the server's own backups)
                    """)
            }
            let context = try AppContext(configuration: configuration, access: .readOnly)
            guard !FileManager.default.fileExists(atPath: path) else {
                // 73 (EX_CANTCREAT): the output file cannot be created.
                Terminal.error("\(path) exists; backup writes only a new file")
                throw ExitCode(73)
            }
            let size = try context.store { try context.database.backup(to: path) }
            print("backed up \(context.configuration.database) to \(path): \(size) bytes (\(String(format: "%.1f", Double(size) / 1_048_576)) MiB)")
        }
    }
}
