#if canImport(Glibc)
import Glibc
#endif

/// The two calls a change-file write can fail in (disk full, I/O error), behind closures so a test
/// can make a write short and then fail with `ENOSPC`.
struct FileSyscalls: Sendable {
    /// Writes some of the bytes to the descriptor: how many, or `-errno`.
    var write: @Sendable (Int32, UnsafeRawBufferPointer) -> Int
    /// Flushes the descriptor to disk: 0, or `errno`.
    var fsync: @Sendable (Int32) -> Int32

    /// The real `write(2)` and `fsync(2)`.
    static let system = FileSyscalls(
        write: { fd, buffer in
            let result = Glibc.write(fd, buffer.baseAddress, buffer.count)
            return result < 0 ? -Int(errno) : result
        },
        fsync: { fd in Glibc.fsync(fd) == 0 ? 0 : errno })

    /// Writes every byte, retrying short writes and `EINTR`; throws the first other failure.
    func writeAll(_ fd: Int32, _ bytes: [UInt8], file: String) throws(NotifyError) {
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(fd, $0) }
            if result == -Int(EINTR) { continue }
            guard result > 0 else {
                throw .io(path: file, message: result == 0 ? "write made no progress" : String(cString: strerror(Int32(-result))))
            }
            written += result
        }
    }

    /// `fsync`, as a thrown error naming the file.
    func sync(_ fd: Int32, file: String) throws(NotifyError) {
        let failure = fsync(fd)
        guard failure == 0 else { throw .io(path: file, message: "fsync: " + String(cString: strerror(failure))) }
    }
}
