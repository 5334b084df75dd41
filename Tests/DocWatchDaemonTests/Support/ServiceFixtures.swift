#if canImport(Glibc)
import Glibc
#endif
import DocWatchTestSupport
import Foundation

/// Runs the built `docwatch` as another user (`setpriv`), to check what a member of the docwatch
/// group (or anyone who may only read the files) can do.
enum UnprivilegedRun {
    /// nobody:nogroup, with no supplementary groups.
    static let nobody: (uid: Int, gid: Int) = (65534, 65534)

    /// How a run ended and what it printed.
    struct Finished {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `docwatch ARGUMENTS…` as `user` to completion; stdout and stderr through files.
    static func run(_ arguments: [String], as user: (uid: Int, gid: Int) = nobody, scratch: URL) async throws -> Finished {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=\(user.uid)", "--regid=\(user.gid)", "--clear-groups", DocWatchProcess.binary.path] + arguments
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent"]
        let id = UUID().uuidString
        let outURL = scratch.appendingPathComponent("out-\(id)"), errURL = scratch.appendingPathComponent("err-\(id)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = FileHandle.nullDevice
        let exited = AsyncStream<Void> { continuation in
            process.terminationHandler = { _ in continuation.yield(); continuation.finish() }
        }
        try process.run()
        for await _ in exited { break }
        return Finished(status: process.terminationStatus,
                        stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                        stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// Makes `directory` and everything in it owned by root and group `gid`, directories 0750 and
    /// files 0640: what the unit's UMask=0027 and StateDirectoryMode=0750 give the docwatch group.
    static func groupReadable(_ directory: String, gid: Int = nobody.gid) throws {
        var paths = [directory]
        let enumerator = FileManager.default.enumerator(atPath: directory)
        while let name = enumerator?.nextObject() as? String { paths.append("\(directory)/\(name)") }
        for path in paths {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            guard chown(path, 0, gid_t(gid)) == 0, chmod(path, isDirectory.boolValue ? 0o750 : 0o640) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EPERM)
            }
        }
    }
}

/// Name, size and modification time (ns) of every file under a directory, to show nothing changed.
struct DirectorySnapshot: Equatable, CustomStringConvertible {
    var files: [String: String]

    init(_ directory: String) {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: directory)
        while let name = enumerator?.nextObject() as? String {
            var info = stat()
            guard stat("\(directory)/\(name)", &info) == 0 else { continue }
            files[name] = "\(info.st_size) bytes, mtime \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }
        self.files = files
    }

    var description: String { files.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ") }
}
