import DocWatchTestSupport
import Foundation
import Testing

/// A config typo through the real binary: one line naming file and line, and the sysexits code.
@Suite("Config errors (end to end)")
struct ConfigTypoEndToEndTests {
    struct Typo: Sendable, CustomTestStringConvertible {
        let name: String
        let line: String
        var testDescription: String { name }
    }

    @Test(arguments: [Typo(name: "[", line: "["), Typo(name: "[=", line: "[="), Typo(name: "[\\", line: "[\\"),
                      Typo(name: "a =", line: "a ="), Typo(name: "a = [[[ … 10,000", line: "a = " + String(repeating: "[", count: 10_000))],
          ["check-config", "run"])
    func typoExits78(_ typo: Typo, command: String) async throws {
        let space = try Workspace()
        try "database = \"\(space.databasePath)\"\n\(typo.line)\n".write(toFile: space.configPath, atomically: true, encoding: .utf8)
        let result = try await space.run([command])
        #expect(result.status == 78, "stderr: \(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.hasPrefix("docwatch: \(space.configPath):2:"))
        #expect(result.stderr.contains("TOML syntax error"))
    }

    @Test("a missing config file exits 66 (EX_NOINPUT) with one line", arguments: ["check-config", "run", "sources"])
    func missingFileExits66(_ command: String) async throws {
        let result = try await DocWatchProcess.run([command, "--config", "/nonexistent/docwatch.toml"])
        #expect(result.status == 66, "stderr: \(result.stderr)")
        #expect(result.stderr == "docwatch: /nonexistent/docwatch.toml: config file not found (give --config PATH or set DOCWATCH_CONFIG)\n")
    }

    @Test("a config that cannot be read or is not UTF-8 stays exit 78")
    func unreadableExits78() async throws {
        let space = try Workspace()
        try FileManager.default.createDirectory(atPath: space.configPath, withIntermediateDirectories: true)
        let directory = try await space.run(["check-config"])
        #expect(directory.status == 78, "stderr: \(directory.stderr)")
        #expect(directory.stderr.hasPrefix("docwatch: \(space.configPath): cannot read config"))

        try FileManager.default.removeItem(atPath: space.configPath)
        try Data([0x61, 0x20, 0x3D, 0x20, 0x22, 0xFF, 0x22, 0x0A]).write(to: URL(fileURLWithPath: space.configPath))
        let binary = try await space.run(["check-config"])
        #expect(binary.status == 78)
        #expect(binary.stderr == "docwatch: \(space.configPath): cannot read config: not UTF-8 text\n")
    }
}
