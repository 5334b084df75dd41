import Foundation

/// Runs GNU `patch` on a text in a scratch directory: the check that a written diff is a real one.
enum PatchTool {
    struct Failed: Error, CustomStringConvertible {
        let status: Int32
        let output: String
        var description: String { "patch exited \(status): \(output)" }
    }

    static func apply(_ diff: String, to old: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("docwatch-patch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let oldFile = directory.appendingPathComponent("old"), diffFile = directory.appendingPathComponent("diff")
        let newFile = directory.appendingPathComponent("new"), log = directory.appendingPathComponent("log")
        try Data(old.utf8).write(to: oldFile)
        try Data(diff.utf8).write(to: diffFile)
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/patch")
        process.arguments = ["--force", "-o", newFile.path, oldFile.path, diffFile.path]
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = process.standardOutput
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failed(status: process.terminationStatus, output: (try? String(contentsOf: log, encoding: .utf8)) ?? "")
        }
        return try String(contentsOf: newFile, encoding: .utf8)
    }
}
