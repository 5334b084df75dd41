#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// An open lock file holding an exclusive `flock(2)`; the lock goes when the value is released or
/// the process ends (a crash leaves no stale lock, only the file).
///
/// `flock` locks belong to the open file description, so two `LockFile`s on one path exclude each
/// other even inside one process.
public final class LockFile: Sendable {
    /// The locked file.
    public let path: String
    private let descriptor: CInt

    /// Why a lock could not be taken.
    public enum Failure: Error {
        /// Another open file holds the lock (only when not waiting).
        case held
        /// The file could not be created, opened or locked.
        case system(path: String, message: String)
    }

    private init(path: String, descriptor: CInt) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Opens (creating it, mode 0640) `path` and takes the exclusive lock, waiting for it when `wait`.
    public static func lock(_ path: String, wait: Bool) throws(Failure) -> LockFile {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw .system(path: path, message: String(cString: strerror(errno))) }
        while flock(descriptor, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            let code = errno
            if code == EINTR { continue }
            close(descriptor)
            if code == EWOULDBLOCK { throw .held }
            throw .system(path: path, message: "flock: " + String(cString: strerror(code)))
        }
        return LockFile(path: path, descriptor: descriptor)
    }

    /// Replaces the file's content with `text` (e.g. the holder's pid, for the message of whoever is refused).
    public func write(_ text: String) throws(Failure) {
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        guard ftruncate(descriptor, off_t(bytes.count)) == 0, written == bytes.count else {
            throw .system(path: path, message: String(cString: strerror(errno)))
        }
    }
}

/// The one drainer of a log directory: an exclusive lock on `LOG_DIR/.drain.lock`, so a `fetch`
/// and the daemon never append the same outbox event twice.
enum DrainLock {
    static func fileName() -> String { ".drain.lock" }

    /// Runs `body` holding the log directory's drain lock, waiting for another drainer to finish first.
    static func holding<T>(in directory: ChangeLogDirectory, _ body: () throws -> T) throws -> T {
        let path = "\(directory.path)/\(fileName())"
        let lock: LockFile
        do {
            lock = try LockFile.lock(path, wait: true)
        } catch {
            throw NotifyError.io(path: path, message: "cannot take the drain lock: \(error)")
        }
        defer { withExtendedLifetime(lock) {} }
        return try body()
    }
}
