import DocWatchTestSupport
import Testing

/// The help text is part of the interface: every command is listed, every option explained.
@Suite("Command-line help")
struct HelpTextTests {
    @Test("docwatch --help lists every command of DESIGN.md")
    func rootHelp() async throws {
        let result = try await DocWatchProcess.run(["--help"])
        #expect(result.status == 0)
        for command in ["fetch", "extract", "log", "changes", "query", "show", "diff", "sources", "check-config"] {
            #expect(result.stdout.contains("  \(command) "), "missing \(command)")
        }
    }

    @Test(arguments: [
        ("fetch", ["--url <url>", "--json", "--config <path>"]),
        ("extract", ["--json", "--base-url", "--no-facts"]),
        ("log", ["--source <id>", "--outcome <outcome>", "--since <time>", "--limit", "--follow", "--json"]),
        ("changes", ["--since <time>", "--follow", "--json"]),
        ("query", ["--source <id>", "--since <time>", "--until <time>", "--fact <kind>", "--limit", "--json", "--csv"]),
        ("show", ["<document>", "--json"]),
        ("diff", ["--from <n>", "--to <n>"]),
        ("sources", ["--json"]),
        ("check-config", ["--config <path>"]),
    ])
    func commandHelp(command: String, options: [String]) async throws {
        let result = try await DocWatchProcess.run([command, "--help"])
        #expect(result.status == 0)
        for option in options {
            #expect(result.stdout.contains(option), "\(command) --help lacks \(option)")
        }
    }

    @Test("a usage error exits 64 with one line naming the problem")
    func usageError() async throws {
        let result = try await DocWatchProcess.run(["log", "--outcome", "sideways"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--outcome must be one of"))
    }
}
