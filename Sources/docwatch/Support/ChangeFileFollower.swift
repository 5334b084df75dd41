#if canImport(Glibc)
import Glibc
#endif
import DocWatchNotify
import Foundation

/// Follows the change files of a log directory like `tail -F`: keeps the current file and a byte
/// offset, reads only what was appended since, and moves to the next day's file once it appears.
///
/// A line is returned only once its newline is written, so a line caught half-written is read
/// again whole on a later call. Each call costs a directory listing and one read of new bytes.
struct ChangeFileFollower {
    let directory: ChangeLogDirectory
    /// The file being followed and how much of it has been returned (up to a newline).
    private(set) var file: String?
    private(set) var offset: UInt64 = 0

    /// Starts at the current end of the newest change file: made before the existing files are
    /// printed, it returns whatever is appended from then on (the caller skips events it printed twice).
    init(directory: ChangeLogDirectory) {
        self.directory = directory
        file = directory.changeFiles().last
        var info = stat()
        if let file, stat(file, &info) == 0 { offset = UInt64(info.st_size) }
    }

    /// The complete lines appended since the last call, in order, across a change of day.
    mutating func newLines() -> [String] {
        var lines: [String] = []
        let files = directory.changeFiles()
        if file == nil { file = files.first }
        while let current = file {
            lines += readAppended(current)
            // Move on only when a later file exists; the current one is then complete (the notifier
            // writes in seq order, so nothing more is appended to an older day's file).
            guard let next = files.first(where: { $0 > current }) else { break }
            file = next
            offset = 0
        }
        return lines
    }

    private mutating func readAppended(_ path: String) -> [String] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return [] }
        let size = UInt64(info.st_size)
        // A file cut back (a half-written line removed after a crash) is followed from its new end.
        if size < offset { offset = size }
        guard size > offset else { return [] }
        var bytes = [UInt8](repeating: 0, count: Int(size - offset))
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
        guard count > 0 else { return [] }
        guard let lastNewline = bytes[..<count].lastIndex(of: UInt8(ascii: "\n")) else { return [] }
        offset += UInt64(lastNewline + 1)
        return bytes[..<lastNewline].split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Standard output for commands that keep printing (`--follow`): stdout is block-buffered when it
/// is a pipe, so each batch of records is flushed as soon as it is printed (`… --follow | jq`).
enum FollowOutput {
    static func flush() {
        fflush(nil)
    }
}
