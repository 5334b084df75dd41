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
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String

        public var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    /// Runs `docwatch ARGUMENTS…` to completion with `environment` added to a minimal one.
    ///
    /// Waits without blocking a thread of the concurrency pool, so an in-process test server keeps
    /// answering while the child runs.
    public static func run(_ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil) async throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ["PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path]
        env.merge(environment) { _, new in new }
        process.environment = env
        // Output goes to files, not pipes, so a large output can never block the child.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("docwatch-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        let exited = AsyncStream<Void> { continuation in
            process.terminationHandler = { _ in continuation.yield(); continuation.finish() }
        }
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        for await _ in exited { break }
        try out.close()
        try err.close()
        let stdoutBytes = try Data(contentsOf: outURL), stderrBytes = try Data(contentsOf: errURL)
        return Result(status: process.terminationStatus, stdout: String(decoding: stdoutBytes, as: UTF8.self),
                      stderr: String(decoding: stderrBytes, as: UTF8.self))
    }
}
