import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// The `docwatch` command line: one root command, one subcommand per file.
struct DocWatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docwatch",
        abstract: "Watch government and news web sites and ingest what they publish.",
        version: DocWatchVersion.line,
        subcommands: [
            FetchCommand.self, ExtractCommand.self, LogCommand.self, ChangesCommand.self, QueryCommand.self,
            ShowCommand.self, DiffCommand.self, SourcesCommand.self, BackupCommand.self, CheckConfigCommand.self,
            RunCommand.self, PruneCommand.self, MigrateCommand.self,
        ]
    )
}

/// The entry point: sets the umask to 027 before any command runs, so nothing docwatch creates is
/// group-writable or readable by others even where a file's mode is not set explicitly.
@main
enum DocWatchMain {
    static func main() async {
        umask(0o027)
        await DocWatch.main()
    }
}
