#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// `docwatch run` as a child process (daemon and end-to-end tests): started in the background, signalled, waited for with a bound.
public final class DaemonProcess {
    private let process = Process()
    private let stderrURL: URL

    /// Starts `docwatch run --config CONFIG` with `environment` added to a minimal one; stderr goes to a file.
    public init(config: String, environment: [String: String], scratch: URL) throws {
        stderrURL = scratch.appendingPathComponent("daemon-stderr-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = DocWatchProcess.binary
        process.arguments = ["run", "--config", config, "--shutdown-grace", "3"]
        var env = ["PATH": "/usr/bin:/bin", "HOME": scratch.path]
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    public var isRunning: Bool { process.isRunning }

    public var pid: Int32 { process.processIdentifier }

    /// What the daemon logged so far.
    public var stderr: String {
        (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
    }

    public func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// The exit status once the process ends, or nil if it is still running at `timeout`.
    public func waitForExit(timeout: Duration) async -> Int32? {
        let ended = await eventually(timeout: timeout) { !self.process.isRunning }
        return ended ? process.terminationStatus : nil
    }
}

/// Polls `condition` every 50 ms until it holds or `timeout` passes; returns whether it held.
/// The default is generous because CI runs every suite at once on two cores: it only costs time when a test fails.
public func eventually(timeout: Duration = .seconds(60), _ condition: () throws -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if (try? condition()) == true { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return (try? condition()) == true
}
