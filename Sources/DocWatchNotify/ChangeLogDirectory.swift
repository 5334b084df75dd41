import DocWatchCore
import DocWatchStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The log directory other programs follow: `changes-YYYY-MM-DD.jsonl` (UTC) and `diffs/YYYY-MM-DD/<seq>.diff`
/// (the day of the event, so retention removes a day's file and folder together; before this, `diffs/<seq>.diff`).
///
/// Every line goes out with one `write(2)` and is fsynced before the call returns. A write or fsync
/// that fails (disk full) cuts the file back to where it was, so the file always ends at a line
/// boundary and a retry writes the line whole. Entries are opened without following symlinks and
/// created 0750 (directories) and 0640 (files), whatever the umask.
public struct ChangeLogDirectory: Sendable {
    public let path: String
    let syscalls: FileSyscalls

    public init(path: String) {
        self.init(path: path, syscalls: .system)
    }

    init(path: String, syscalls: FileSyscalls) {
        self.path = path
        self.syscalls = syscalls
    }

    public static func fileName(day: String) -> String { "changes-\(day).jsonl" }

    /// Whether the log directory exists (as a directory, or a symlink to one).
    public var exists: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The change files' names, oldest first.
    func changeFileNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasPrefix("changes-") && $0.hasSuffix(".jsonl") }.sorted()
    }

    /// The change files, oldest first.
    public func changeFiles() -> [String] {
        changeFileNames().map { "\(path)/\($0)" }
    }

    /// Creates the log directory (and its parents) and `diffs/`, 0750 each where new.
    func prepare() throws(NotifyError) {
        do {
            try PrivateFiles.createDirectory(path)
        } catch {
            throw .io(path: error.path, message: "cannot create directory: \(error.message)")
        }
        _ = try OpenDirectory.open(path).subdirectory("diffs")
    }

    /// Appends `line` and a newline to the day's file in one write, then fsyncs; on failure the file
    /// is cut back to its size before the write.
    func append(line: String, day: String) throws(NotifyError) {
        let name = Self.fileName(day: day)
        let directory = try OpenDirectory.open(path)
        let fd = try directory.openFile(name, flags: O_APPEND)
        defer { close(fd) }
        let file = "\(path)/\(name)"
        let size = lseek(fd, 0, SEEK_END)
        guard size >= 0 else { throw .io(path: file, message: String(cString: strerror(errno))) }
        do {
            try syscalls.writeAll(fd, Array((line + "\n").utf8), file: file)
            try syscalls.sync(fd, file: file)
        } catch {
            throw rollBack(fd, to: size, file: file, after: error)
        }
    }

    /// Cuts `fd` back to `size` after a failed write and returns the error to throw.
    private func rollBack(_ fd: Int32, to size: off_t, file: String, after error: NotifyError) -> NotifyError {
        guard ftruncate(fd, size) == 0 else {
            return .io(path: file, message: "\(error.message); and cannot cut the partial line back: \(String(cString: strerror(errno)))")
        }
        _ = syscalls.fsync(fd)
        return error
    }

    /// Writes `diffs/<day>/<seq>.diff` whole: into a temporary name, fsynced, then renamed into place;
    /// on failure the temporary file is removed, so a diff file is whole or absent.
    func writeDiff(seq: Int64, day: String, text: String) throws(NotifyError) {
        let diffs = try OpenDirectory.open(path).subdirectory("diffs").subdirectory(day)
        let name = "\(seq).diff"
        let partial = name + ".partial"
        do {
            let fd = try diffs.openFile(partial, flags: O_TRUNC)
            defer { close(fd) }
            try syscalls.writeAll(fd, Array(text.utf8), file: "\(diffs.path)/\(partial)")
            try syscalls.sync(fd, file: "\(diffs.path)/\(partial)")
            try diffs.rename(partial, to: name)
        } catch {
            diffs.remove(partial)
            throw error
        }
    }

    /// The highest `seq` in the newest change files, after cutting off a line left half-written by a crash.
    ///
    /// Each file is read backwards from its end until its last whole event line, whatever its length.
    func lastWrittenSeq() throws(NotifyError) -> Int64? {
        let directory = try OpenDirectory.open(path)
        var best: Int64?
        for name in changeFileNames().suffix(2) {
            guard let fd = try directory.openExisting(name) else { continue }
            defer { close(fd) }
            let file = "\(path)/\(name)"
            do {
                let size = try cutPartialLine(fd, file: file)
                if let seq = try Self.lastSeq(fd: fd, size: size) { best = max(best ?? seq, seq) }
            } catch {
                throw .io(path: file, message: "cannot read: \(error.message)")
            }
        }
        return best
    }

    /// Cuts bytes after the last newline (a line a crash left half-written); returns the new size.
    private func cutPartialLine(_ fd: Int32, file: String) throws(BackwardLineReader.ReadError) -> Int64 {
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw .init(code: errno) }
        let size = Int64(status.st_size)
        let reader = BackwardLineReader(fd: fd, end: size)
        let keep = try reader.lastNewline(before: size).map { $0 + 1 } ?? 0
        guard keep < size else { return size }
        guard ftruncate(fd, off_t(keep)) == 0, syscalls.fsync(fd) == 0 else { throw .init(code: errno) }
        return keep
    }

    /// The `seq` of the last line of the first `size` bytes that decodes as an event.
    static func lastSeq(fd: Int32, size: Int64) throws(BackwardLineReader.ReadError) -> Int64? {
        var reader = BackwardLineReader(fd: fd, end: size)
        while let line = try reader.previousLine() {
            if let event = try? JSONDecoder().decode(ChangeEvent.self, from: Data(line)) { return event.seq }
        }
        return nil
    }
}

/// A failure to write the log directory; nothing is marked delivered, so nothing is lost.
public enum NotifyError: Error, CustomStringConvertible {
    case io(path: String, message: String)
    case store(String)

    public var description: String {
        switch self {
        case .io(let path, let message): "\(path): \(message)"
        case .store(let message): message
        }
    }

    /// The message without the path.
    var message: String {
        switch self {
        case .io(_, let message), .store(let message): message
        }
    }
}
