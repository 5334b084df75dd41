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

    /// Runs `docwatch ARGUMENTS…` as `user` to completion (on a thread of its own, see `ChildProcess`).
    static func run(_ arguments: [String], as user: (uid: Int, gid: Int) = nobody) async throws -> ChildProcess.Result {
        try await ChildProcess.run(
            URL(fileURLWithPath: "/usr/bin/setpriv"),
            ["--reuid=\(user.uid)", "--regid=\(user.gid)", "--clear-groups", DocWatchProcess.binary.path] + arguments,
            environment: ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent"])
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
