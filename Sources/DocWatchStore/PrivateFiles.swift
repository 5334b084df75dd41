import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Creates docwatch's directories (0750) and files (0640) with those exact modes, whatever the umask.
///
/// `mkdir`/`open` only ever take bits away from the mode they are given, so a permissive umask
/// (000) would still give the modes asked for, but a `FileManager` default (0777/0666) would not;
/// each new entry is also `chmod`ed so a restrictive umask gives the same modes too. Entries that
/// already exist are left as they are: the operator (or systemd's `LogsDirectory=`) chose them.
public enum PrivateFiles {
    /// rwxr-x---: the owner writes, the group (log readers) reads.
    public static let directoryMode: mode_t = 0o750
    /// rw-r-----.
    public static let fileMode: mode_t = 0o640

    /// Creates `path` and its missing parents, each 0750; fails if a part exists and is no directory.
    public static func createDirectory(_ path: String) throws(PrivateFileError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, directoryMode) == 0 {
                guard chmod(prefix, directoryMode) == 0 else { throw .init(path: prefix, errno: errno) }
                continue
            }
            let failure = errno
            var status = stat()
            guard failure == EEXIST, stat(prefix, &status) == 0 else { throw .init(path: prefix, errno: failure) }
            guard status.st_mode & S_IFMT == S_IFDIR else {
                throw PrivateFileError(path: prefix, message: "exists and is not a directory")
            }
        }
    }

    /// Creates the empty file `path` with mode 0640 unless it exists (without following a symlink there).
    public static func createFileIfMissing(_ path: String) throws(PrivateFileError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, fileMode)
        if fd < 0 {
            if errno == EEXIST { return }
            throw PrivateFileError(path: path, errno: errno)
        }
        defer { close(fd) }
        guard fchmod(fd, fileMode) == 0 else { throw PrivateFileError(path: path, errno: errno) }
    }
}

/// A directory or file docwatch could not create, with the path and the system's reason.
public struct PrivateFileError: Error, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public init(path: String, errno code: Int32) {
        self.init(path: path, message: String(cString: strerror(code)))
    }

    public var description: String { "\(path): \(message)" }
}
