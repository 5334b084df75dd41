import ArgumentParser
import DocWatchCore
import DocWatchNotify
import Foundation

/// `docwatch changes`: the change notifications, read from the log directory as other programs read them.
struct ChangesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "changes", abstract: "Show the change notifications written to the log directory.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Only events since a date (2026-11-01) or an age (24h, 7d).", valueName: "time"))
    var since: String?

    @Flag(help: "Keep printing new events as they are written.")
    var follow = false

    func run() async throws {
        try await Terminal.run {
            let configuration = try global.loadConfiguration()
            let directory = ChangeLogDirectory(path: configuration.logDir)
            let since = try TimeArgument.parse(since)
            var follower = ChangeFileFollower(directory: directory)
            var lastSeq: Int64 = 0
            var table = TextTable(header: ["SEQ", "TIME", "TYPE", "SOURCE", "TITLE / URL"])
            for line in readLines(directory) {
                guard let event = decode(line) else { continue }
                lastSeq = max(lastSeq, event.seq)
                if let since, let time = Timestamp.parse(event.time), time < since { continue }
                output.json ? print(line) : table.add(row(event))
            }
            if !output.json { print(table.render()) }
            guard follow else { return }
            while !Task.isCancelled {
                for line in follower.newLines() {
                    guard let event = decode(line), event.seq > lastSeq else { continue }
                    lastSeq = event.seq
                    if output.json {
                        print(line)
                    } else {
                        var single = TextTable(header: [])
                        single.add(row(event))
                        print(single.render().trimmingCharacters(in: .newlines))
                    }
                }
                FollowOutput.flush()
                try await Task.sleep(for: .milliseconds(500))
            }
        }
    }

    private func readLines(_ directory: ChangeLogDirectory) -> [String] {
        directory.changeFiles().flatMap { file -> [String] in
            guard let data = FileManager.default.contents(atPath: file) else { return [] }
            return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        }
    }

    private func decode(_ line: String) -> ChangeEvent? {
        try? JSONDecoder().decode(ChangeEvent.self, from: Data(line.utf8))
    }

    private func row(_ event: ChangeEvent) -> [String] {
        [String(event.seq), event.time, event.type.rawValue, event.source, [event.title, event.url, event.error].compactMap { $0 }.joined(separator: "  ")]
    }
}
