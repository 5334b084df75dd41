import DocWatchTestSupport
import Foundation
import Testing

@Suite("docwatch run (command line)")
struct RunCommandTests {
    @Test("the help names the signals and the systemd notifications")
    func help() async throws {
        let result = try await DocWatchProcess.run(["run", "--help"])
        #expect(result.status == 0)
        for word in ["SIGTERM", "SIGHUP", "READY=1", "WATCHDOG=1", "--shutdown-grace", "--log-level"] {
            #expect(result.stdout.contains(word), "help lacks \(word)")
        }
    }

    @Test("a missing config stops the start with one line and exit 66")
    func missingConfig() async throws {
        let result = try await DocWatchProcess.run(["run", "--config", "/nonexistent/docwatch.toml"])
        #expect(result.status == 66)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("/nonexistent/docwatch.toml: config file not found"))
    }

    @Test("an unknown log level is a usage error")
    func badLogLevel() async throws {
        let result = try await DocWatchProcess.run(["run", "--log-level", "chatty"])
        #expect(result.status == 64)
    }
}
