import DocWatchTestSupport
import Foundation
import Testing

/// What `scripts/install.sh` installs beside the binary comes from the binary itself: shell
/// completion scripts, and the tool description the man page is generated from.
@Suite("End to end: completions and the manual's source")
struct CompletionScriptTests {
    struct Shell: CustomTestStringConvertible, Sendable {
        var name: String
        /// A line the shell needs to load the script as docwatch's completion.
        var marker: String
        var testDescription: String { name }
    }

    @Test("the completion script names every subcommand", arguments: [
        Shell(name: "bash", marker: "complete -o filenames -F _docwatch docwatch"),
        Shell(name: "zsh", marker: "#compdef docwatch"),
        Shell(name: "fish", marker: "complete -c 'docwatch'"),
    ])
    func completionScript(shell: Shell) async throws {
        let result = try await DocWatchProcess.run(["--generate-completion-script", shell.name])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(shell.marker), "\(result.stdout.prefix(400))")
        for command in ["run", "fetch", "query", "changes", "show", "diff", "log", "sources", "backup", "check-config"] {
            #expect(result.stdout.contains(command), "\(shell.name) script lacks \(command)")
        }
    }

    @Test("the tool description generate-manual reads lists every subcommand with its abstract")
    func manualSource() async throws {
        let result = try await DocWatchProcess.run(["--experimental-dump-help"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let command = json?["command"] as? [String: Any]
        let subcommands = (command?["subcommands"] as? [[String: Any]]) ?? []
        let names = subcommands.compactMap { $0["commandName"] as? String }
        #expect(command?["commandName"] as? String == "docwatch")
        #expect(Set(["run", "fetch", "query", "changes", "backup"]).isSubset(of: Set(names)), "\(names)")
        #expect(subcommands.allSatisfy { ($0["abstract"] as? String)?.isEmpty == false })
    }
}
