import DocWatchCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The log directory other programs follow: `changes-YYYY-MM-DD.jsonl` (UTC) and `diffs/<seq>.diff`.
///
/// Every line goes out with one `write(2)` and is fsynced before the call returns.
public struct ChangeLogDirectory: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public static func fileName(day: String) -> String { "changes-\(day).jsonl" }

    /// The change files, oldest first.
    public func changeFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasPrefix("changes-") && $0.hasSuffix(".jsonl") }.sorted().map { "\(path)/\($0)" }
    }

    func prepare() throws(NotifyError) {
        for directory in [path, "\(path)/diffs"] {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw .io(path: directory, message: "cannot create directory: \(error.localizedDescription)")
            }
        }
    }

    /// Appends `line` and a newline to the day's file in one write, then fsyncs.
    func append(line: String, day: String) throws(NotifyError) {
        try writeFile("\(path)/\(Self.fileName(day: day))", bytes: Array((line + "\n").utf8), append: true)
    }

    /// Writes `diffs/<seq>.diff` whole and fsyncs it.
    func writeDiff(seq: Int64, text: String) throws(NotifyError) {
        try writeFile("\(path)/diffs/\(seq).diff", bytes: Array(text.utf8), append: false)
    }

    private func writeFile(_ file: String, bytes: [UInt8], append: Bool) throws(NotifyError) {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC)
        let fd = open(file, flags, 0o644)
        guard fd >= 0 else { throw .io(path: file, message: String(cString: strerror(errno))) }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                throw .io(path: file, message: String(cString: strerror(errno)))
            }
            written += result
        }
        guard fsync(fd) == 0 else { throw .io(path: file, message: "fsync: " + String(cString: strerror(errno))) }
    }

    /// The highest `seq` in the newest change files, after cutting off a line left half-written by a crash.
    func lastWrittenSeq() throws(NotifyError) -> Int64? {
        var best: Int64?
        for file in changeFiles().suffix(2) {
            try truncatePartialLine(file)
            if let seq = Self.lastSeq(inTailOf: file) { best = max(best ?? seq, seq) }
        }
        return best
    }

    private func truncatePartialLine(_ file: String) throws(NotifyError) {
        guard let handle = FileHandle(forUpdatingAtPath: file) else { return }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        guard size > 0 else { return }
        let window = min(size, 1 << 20)
        try? handle.seek(toOffset: size - window)
        let tail = [UInt8]((try? handle.readToEnd()) ?? Data())
        guard tail.last != UInt8(ascii: "\n") else { return }
        let keep = tail.lastIndex(of: UInt8(ascii: "\n")).map { size - window + UInt64($0) + 1 } ?? (window == size ? 0 : size)
        do {
            try handle.truncate(atOffset: keep)
            try handle.synchronize()
        } catch {
            throw .io(path: file, message: "cannot cut a half-written line: \(error.localizedDescription)")
        }
    }

    static func lastSeq(inTailOf file: String) -> Int64? {
        guard let handle = FileHandle(forReadingAtPath: file) else { return nil }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        try? handle.seek(toOffset: size - min(size, 1 << 16))
        let text = String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self)
        for line in text.split(separator: "\n").reversed() {
            if let event = try? JSONDecoder().decode(ChangeEvent.self, from: Data(line.utf8)) { return event.seq }
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
}
