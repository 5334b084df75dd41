#if canImport(Glibc)
import Glibc
#endif

/// Reads a file's lines from the end, in chunks, so the last line is found whatever its length.
struct BackwardLineReader {
    static let chunkSize = 64 * 1024

    let fd: Int32
    /// Where the unread part of the file ends (exclusive): before it lie the lines not yet returned.
    private(set) var end: Int64

    /// Reads `fd` backwards from `end` (its size for the whole file).
    init(fd: Int32, end: Int64) {
        self.fd = fd
        self.end = end
    }

    /// The offset of the last newline before `limit`, or nil when there is none.
    func lastNewline(before limit: Int64) throws(ReadError) -> Int64? {
        var chunkEnd = limit
        var buffer = [UInt8](repeating: 0, count: Self.chunkSize)
        while chunkEnd > 0 {
            let start = max(0, chunkEnd - Int64(Self.chunkSize))
            let count = Int(chunkEnd - start)
            try read(into: &buffer, count: count, at: start)
            if let index = buffer[..<count].lastIndex(of: UInt8(ascii: "\n")) { return start + Int64(index) }
            chunkEnd = start
        }
        return nil
    }

    /// The line before `end` (without its newline), moving `end` to before it; nil at the start of the file.
    /// A file ending in a newline yields its last line first, not an empty one.
    mutating func previousLine() throws(ReadError) -> [UInt8]? {
        guard end > 0 else { return nil }
        var lineEnd = end
        if try lastByte(before: end) == UInt8(ascii: "\n") { lineEnd -= 1 }
        let start = try lastNewline(before: lineEnd).map { $0 + 1 } ?? 0
        var line = [UInt8](repeating: 0, count: Int(lineEnd - start))
        try read(into: &line, count: line.count, at: start)
        end = start
        return line
    }

    private func lastByte(before offset: Int64) throws(ReadError) -> UInt8 {
        var byte: [UInt8] = [0]
        try read(into: &byte, count: 1, at: offset - 1)
        return byte[0]
    }

    private func read(into buffer: inout [UInt8], count: Int, at offset: Int64) throws(ReadError) {
        var done = 0
        while done < count {
            let result = buffer.withUnsafeMutableBytes { bytes -> Int in
                guard let base = bytes.baseAddress else { return 0 }
                return pread(fd, base + done, count - done, off_t(offset) + off_t(done))
            }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { throw ReadError(code: result < 0 ? errno : EIO) }
            done += result
        }
    }

    /// A failed `pread`, with its `errno`.
    struct ReadError: Error {
        var code: Int32
        var message: String { String(cString: strerror(code)) }
    }
}
