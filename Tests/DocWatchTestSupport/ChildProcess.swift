import Foundation

/// Runs a child process to completion on a thread of its own, so its start, its stdin and the wait
/// for its exit never hold one of the concurrency pool's threads (two on a 2-core machine, where
/// an in-process test server or a CPU-bound test needs them meanwhile).
public enum ChildProcess {
    /// What a finished run printed and how it exited.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String

        public var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    /// Runs `executable ARGUMENTS…` with exactly `environment`, feeding it `stdin` (else an empty
    /// input); stdout and stderr go to files, so a large output can never block the child.
    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String], stdin: Data? = nil
    ) async throws -> Result {
        try await onOwnThread {
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("docwatch-run-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: scratch) }
            let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
            _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
            _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
            let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            process.environment = environment
            let input = Pipe()
            process.standardOutput = out
            process.standardError = err
            process.standardInput = input
            try process.run()
            if let stdin { input.fileHandleForWriting.write(stdin) }
            try input.fileHandleForWriting.close()
            process.waitUntilExit()
            try out.close()
            try err.close()
            return Result(status: process.terminationStatus,
                          stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                          stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
        }
    }

    /// Runs blocking `work` on a new thread (not the concurrency pool, not libdispatch's width-limited
    /// global queues) and resumes with its result.
    public static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Swift.Result { try work() })
            }
        }
    }
}
