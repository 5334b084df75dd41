import ArgumentParser

/// The `docwatch` command line: one root command, one subcommand per file.
@main
struct DocWatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docwatch",
        abstract: "Watch government and news web sites and ingest what they publish.",
        version: DocWatchVersion.line,
        subcommands: [
            FetchCommand.self, ExtractCommand.self, LogCommand.self, ChangesCommand.self, QueryCommand.self,
            ShowCommand.self, DiffCommand.self, SourcesCommand.self, BackupCommand.self, CheckConfigCommand.self,
            RunCommand.self,
        ]
    )
}
