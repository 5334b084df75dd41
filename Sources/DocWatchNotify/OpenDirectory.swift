import DocWatchStore
#if canImport(Glibc)
import Glibc
#endif

/// An open directory of the log directory tree; every entry is opened relative to it with
/// `O_NOFOLLOW`, so a symlink planted in place of a change or diff file (or of `diffs/`) is refused
/// instead of being written through. The log directory itself may be a symlink: the operator put it there.
final class OpenDirectory {
    let path: String
    let fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    deinit { close(fd) }

    /// The log directory itself.
    static func open(_ path: String) throws(NotifyError) -> OpenDirectory {
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(path: path, message: String(cString: strerror(errno))) }
        return OpenDirectory(path: path, fd: fd)
    }

    /// A directory inside this one, created 0750 if missing, never through a symlink.
    func subdirectory(_ name: String) throws(NotifyError) -> OpenDirectory {
        if mkdirat(fd, name, PrivateFiles.directoryMode) == 0 {
            guard fchmodat(fd, name, PrivateFiles.directoryMode, 0) == 0 else { throw failure(name) }
        } else if errno != EEXIST {
            throw failure(name)
        }
        let child = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard child >= 0 else { throw failure(name) }
        return OpenDirectory(path: "\(path)/\(name)", fd: child)
    }

    /// Opens the regular file `name` for writing with `flags`, creating it 0640 if missing
    /// (and then syncing this directory so the new entry survives a crash).
    func openFile(_ name: String, flags: Int32) throws(NotifyError) -> Int32 {
        let base = O_WRONLY | O_NOFOLLOW | O_CLOEXEC | flags
        while true {
            let existing = openat(fd, name, base)
            if existing >= 0 { return existing }
            guard errno == ENOENT else { throw failure(name) }
            let created = openat(fd, name, base | O_CREAT | O_EXCL, PrivateFiles.fileMode)
            if created < 0 {
                if errno == EEXIST { continue }
                throw failure(name)
            }
            guard fchmod(created, PrivateFiles.fileMode) == 0 else {
                let error = failure(name)
                close(created)
                throw error
            }
            _ = fsync(fd)
            return created
        }
    }

    /// Opens the file `name` for reading and writing (recovery), or nil when it is gone.
    func openExisting(_ name: String) throws(NotifyError) -> Int32? {
        let file = openat(fd, name, O_RDWR | O_NOFOLLOW | O_CLOEXEC)
        if file >= 0 { return file }
        if errno == ENOENT { return nil }
        throw failure(name)
    }

    /// Renames `from` to `to` inside this directory (replacing `to`, never following it).
    func rename(_ from: String, to: String) throws(NotifyError) {
        guard renameat(fd, from, fd, to) == 0 else { throw failure(to) }
    }

    /// Removes the file `name` if it is there.
    func remove(_ name: String) {
        _ = unlinkat(fd, name, 0)
    }

    /// The current `errno` as an error naming `name`; a refused symlink says so.
    func failure(_ name: String) -> NotifyError {
        let code = errno
        let file = "\(path)/\(name)"
        if code == ELOOP || code == ENOTDIR && isSymlink(name) {
            return .io(path: file, message: "is a symbolic link; docwatch does not write through links in the log directory")
        }
        return .io(path: file, message: String(cString: strerror(code)))
    }

    private func isSymlink(_ name: String) -> Bool {
        var status = stat()
        return fstatat(fd, name, &status, AT_SYMLINK_NOFOLLOW) == 0 && status.st_mode & S_IFMT == S_IFLNK
    }
}
