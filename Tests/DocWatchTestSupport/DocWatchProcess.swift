import Foundation

/// Runs the built `docwatch` executable as a real process, for end-to-end and daemon tests.
public enum DocWatchProcess {
    /// The `docwatch` binary beside the test bundle (`.build/<config>/docwatch`).
    public static var binary: URL {
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("docwatch")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        // Fall back to the package's debug build directory, from this source file's location.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/docwatch")
    }

    /// What a finished run printed and how it exited.
    public typealias Result = ChildProcess.Result

    /// Runs `docwatch ARGUMENTS…` to completion with `environment` added to a minimal one.
    ///
    /// Waits on a thread of its own (`ChildProcess`), so an in-process test server keeps answering
    /// while the child runs.
    public static func run(_ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil) async throws -> Result {
        var env = ["PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path]
        env.merge(environment) { _, new in new }
        return try await ChildProcess.run(binary, arguments, environment: env, stdin: stdin)
    }
}
