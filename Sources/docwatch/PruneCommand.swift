import ArgumentParser
import DocWatchCore
import DocWatchNotify
import Foundation

/// `docwatch prune [--dry-run]`: applies `[retention]` and `keep_fetch_log` now, as the daemon does daily.
struct PruneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Delete what [retention] and keep_fetch_log let go, now, and say what it freed.",
        discussion: """
            Old versions beyond keep_versions (never a document's current one), raw bodies older than \
            keep_raw (the extracted text stays), change files and their diffs and delivered outbox rows \
            older than keep_changes, fetch-log rows older than keep_fetch_log. Opens the database \
            read-write; safe while the daemon runs. Freed database pages are reused by new rows (the \
            file does not shrink).
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Count what would go, delete nothing.")
    var dryRun = false

    @Flag(name: .long, help: "One JSON object with the counts.")
    var json = false

    func run() async throws {
        try await Terminal.run {
            let context = try AppContext(configuration: try global.loadConfiguration())
            let retention = Retention(database: context.database, logDir: context.configuration.logDir)
            let report = try context.store { try retention.prune(context.configuration, now: Date(), dryRun: dryRun) }
            let fields = PruneSummary.fields(report)
            if json {
                var object = Dictionary(uniqueKeysWithValues: fields)
                object["dry_run"] = dryRun ? 1 : 0
                JSONOutput.print(object)
                return
            }
            print(Self.policyLine(context.configuration))
            print(dryRun ? "would free (dry run, nothing deleted):" : "freed:")
            for (name, value) in fields {
                let shown = name.hasSuffix("bytes") ? Self.bytes(value) : "\(value)"
                print("  \(name.replacingOccurrences(of: "_", with: " ").padding(toLength: 16, withPad: " ", startingAt: 0))\(shown)")
            }
        }
    }

    /// `retention: keep_versions 3, keep_raw 90d, keep_changes all, keep_fetch_log 30d`.
    static func policyLine(_ configuration: Configuration) -> String {
        let retention = configuration.retention
        let duration = { (value: TimeInterval?) in value.map(DurationText.format) ?? "all" }
        return "retention: keep_versions \(retention.keepVersions.map(String.init) ?? "all"), "
            + "keep_raw \(duration(retention.keepRaw)), keep_changes \(duration(retention.keepChanges)), "
            + "keep_fetch_log \(duration(configuration.keepFetchLog))"
    }

    static func bytes(_ value: Int64) -> String {
        value < 1024 ? "\(value) B" : value < 1_048_576
            ? String(format: "%.1f KiB", Double(value) / 1024) : String(format: "%.1f MiB", Double(value) / 1_048_576)
    }
}
