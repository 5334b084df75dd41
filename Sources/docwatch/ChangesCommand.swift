import ArgumentParser
import DocWatchCore
import DocWatchNotify
import DocWatchPostgres
import Foundation

/// `docwatch changes`: the change notifications, read from the log directory as other programs read them,
/// or, on a PostgreSQL database, from the database (every node's events, from any machine; see
/// `ChangesCommand+Database.swift`).
///
/// A line that is not a change event is reported on stderr as `FILE:LINE: …` and makes the exit code
/// 65 (after every readable event is printed); a missing log directory is exit 66.
struct ChangesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "changes", abstract: "Show the change notifications written to the log directory (on PostgreSQL: stored in the database).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Only events since a date (2026-11-01) or an age (24h, 7d).", valueName: "time"))
    var since: String?

    @Flag(help: "Keep printing new events as they are written.")
    var follow = false

    func run() async throws {
        try await Terminal.run {
            let configuration = try global.loadConfiguration()
            if StoreOpener.isPostgres(configuration.database) {
                try await showFromDatabase(configuration)
                return
            }
            let directory = ChangeLogDirectory(path: configuration.logDir)
            guard directory.exists else {
                throw CLIError.noInput("log directory \(configuration.logDir) does not exist (nothing written yet, or log_dir names another place)")
            }
            let since = try TimeArgument.parse(since)
            var cursor = ChangeFileCursor(directory: directory)
            let first = cursor.readNew()
            var table = TextTable(header: Self.header)
            for entry in first.entries {
                guard Self.isShown(entry.event, since: since) else { continue }
                output.json ? print(entry.line) : table.add(Self.row(entry.event))
            }
            if !output.json { print(table.render()) }
            report(first.problems)
            guard follow else {
                report(first.incomplete)
                if !first.problems.isEmpty { throw ExitCode(CLIError.badInput("").exitCode) }
                return
            }
            FollowOutput.flush()
            while !Task.isCancelled {
                try await Task.sleep(for: .milliseconds(500))
                let batch = cursor.readNew()
                for entry in batch.entries {
                    if output.json {
                        print(entry.line)
                    } else {
                        Self.printFollowed(entry.event)
                    }
                }
                report(batch.problems)
                FollowOutput.flush()
            }
        }
    }

    /// One stderr line per unreadable line.
    private func report(_ problems: [ChangeFileCursor.Problem]) {
        for problem in problems { Terminal.error(problem.description) }
    }

    /// Whether `event` is at or after `since` (every event without `--since`).
    static func isShown(_ event: ChangeEvent, since: Date?) -> Bool {
        guard let since, let time = Timestamp.parse(event.time) else { return true }
        return time >= since
    }

    /// One event as a table row printed on its own, as `--follow` prints each new one.
    static func printFollowed(_ event: ChangeEvent) {
        var single = TextTable(header: [])
        single.add(row(event))
        print(single.render().trimmingCharacters(in: .newlines))
    }

    static let header = ["SEQ", "TIME", "TYPE", "SOURCE", "TITLE / URL"]

    static func row(_ event: ChangeEvent) -> [String] {
        [String(event.seq), event.time, event.type.rawValue, event.source,
         [event.title, event.url, event.diff?.changes.first?.summary, event.error].compactMap { $0 }.joined(separator: "  ")]
    }
}
