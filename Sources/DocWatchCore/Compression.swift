import CZlib

/// zlib streams: gzip for sitemaps served as `.xml.gz`, deflate for stored raw bodies.
public enum Compression {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case corrupt(String)
        case tooLarge(limit: Int)

        public var description: String {
            switch self {
            case .corrupt(let message): "corrupt compressed data: \(message)"
            case .tooLarge(let limit): "decompressed data larger than \(limit) bytes"
            }
        }
    }

    /// Whether `bytes` start with the gzip magic number.
    public static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// zlib-wrapped deflate of `bytes` (what `inflate` reads back).
    public static func deflate(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        var bound = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(bound))
        let status = out.withUnsafeMutableBufferPointer { dst in
            bytes.withUnsafeBufferPointer { src in
                compress2(dst.baseAddress, &bound, src.baseAddress, uLong(bytes.count), level)
            }
        }
        precondition(status == Z_OK, "compress2 cannot fail with a buffer of compressBound size")
        out.removeSubrange(Int(bound)...)
        return out
    }

    /// Inflates zlib or gzip data (the header is detected), refusing output past `limit` bytes.
    public static func inflate(_ bytes: [UInt8], limit: Int = 256 << 20) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        // 15 window bits + 32: detect zlib or gzip header automatically.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corrupt("inflateInit failed")
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = bytes
        let status: Int32 = input.withUnsafeMutableBufferPointer { src in
            stream.next_in = src.baseAddress
            stream.avail_in = uInt(src.count)
            var status = Z_OK
            while status == Z_OK {
                status = chunk.withUnsafeMutableBufferPointer { dst in
                    stream.next_out = dst.baseAddress
                    stream.avail_out = uInt(dst.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[..<produced])
                if output.count > limit { return Z_MEM_ERROR }
                if status == Z_BUF_ERROR, stream.avail_in == 0 { break }
            }
            return status
        }
        if output.count > limit { throw .tooLarge(limit: limit) }
        guard status == Z_STREAM_END else {
            throw .corrupt(stream.msg.map { String(cString: $0) } ?? "truncated stream (zlib status \(status))")
        }
        return output
    }
}
