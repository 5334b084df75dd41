import DocWatchCore
import Foundation

/// Reads change files as a follower does: whole lines only, each decoded, and every line that is
/// not a change event reported by file and line number instead of skipped.
///
/// It remembers how far it read each file, so calling `readNew` again returns only what was
/// appended since. A last line without its newline (being written, or left by a crash until the
/// next drain cuts it) is not consumed; it is reported as `incomplete`.
public struct ChangeFileCursor {
    /// One event and its line as written.
    public struct Entry: Sendable {
        public var line: String
        public var event: ChangeEvent
    }

    /// A line (or a file) that could not be read as change events.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        /// 1-based; nil when the whole file could not be read.
        public var line: Int?
        public var reason: String

        public var description: String { line.map { "\(file):\($0): \(reason)" } ?? "\(file): \(reason)" }
    }

    /// What one call read.
    public struct Batch: Sendable {
        public var entries: [Entry] = []
        public var problems: [Problem] = []
        /// The unterminated last lines, one per file that has one.
        public var incomplete: [Problem] = []
    }

    private struct Position {
        var offset: UInt64 = 0
        var line = 1
    }

    public let directory: ChangeLogDirectory
    private var positions: [String: Position] = [:]

    public init(directory: ChangeLogDirectory) {
        self.directory = directory
    }

    /// The complete lines appended since the last call, from every change file (only the newest two
    /// after the first call: older days are not written any more).
    public mutating func readNew() -> Batch {
        let files = positions.isEmpty ? directory.changeFiles() : Array(directory.changeFiles().suffix(2))
        var batch = Batch()
        for file in files { read(file, into: &batch) }
        return batch
    }

    private mutating func read(_ file: String, into batch: inout Batch) {
        var position = positions[file] ?? Position()
        let bytes: [UInt8]
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: file))
            defer { try? handle.close() }
            try handle.seek(toOffset: position.offset)
            bytes = [UInt8](try handle.readToEnd() ?? Data())
        } catch {
            batch.problems.append(Problem(file: file, line: nil, reason: "cannot read: \(error.localizedDescription)"))
            return
        }
        var start = 0
        while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            let line = bytes[start..<newline]
            if let event = try? JSONDecoder().decode(ChangeEvent.self, from: Data(line)) {
                batch.entries.append(Entry(line: String(decoding: line, as: UTF8.self), event: event))
            } else {
                batch.problems.append(Problem(file: file, line: position.line, reason: "unreadable line: not a change event"))
            }
            position.line += 1
            start = newline + 1
        }
        position.offset += UInt64(start)
        if start < bytes.count {
            batch.incomplete.append(Problem(file: file, line: position.line, reason: "last line has no newline yet (being written, or cut by a crash; the next drain cuts it back)"))
        }
        positions[file] = position
    }
}
