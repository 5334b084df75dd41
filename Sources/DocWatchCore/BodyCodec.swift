import CZstd

/// How stored raw bodies are compressed: zstd for new rows, zlib read back from rows written before.
///
/// The codec marker is each format's own magic number, so no column or migration is needed: a zstd
/// frame starts `28 B5 2F FD`, a zlib stream `78 xx` (never `28`). zstd level 3 packs pages about as
/// tightly as zlib level 6 at a fraction of its CPU (see bench/ingest-bench.sh).
public enum BodyCodec {
    /// The zstd level for stored bodies (zstd's default).
    static let level: Int32 = 3

    /// `bytes` as one zstd frame.
    public static func compress(_ bytes: [UInt8]) -> [UInt8] {
        let bound = ZSTD_compressBound(bytes.count)
        var written = 0
        let out = [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
            written = bytes.withUnsafeBytes { source in
                ZSTD_compress(buffer.baseAddress, bound, source.baseAddress, source.count, level)
            }
            // ZSTD_compress into a buffer of ZSTD_compressBound size only fails on memory allocation.
            count = ZSTD_isError(written) == 0 ? written : 0
        }
        return ZSTD_isError(written) == 0 ? out : Compression.deflate(bytes)
    }

    /// Whether `bytes` start with the zstd frame magic number.
    public static func isZstd(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && bytes[0] == 0x28 && bytes[1] == 0xB5 && bytes[2] == 0x2F && bytes[3] == 0xFD
    }

    /// The bytes `compress` (or, for older rows, `Compression.deflate`) packed, refusing output past `limit`.
    public static func decompress(_ bytes: [UInt8], limit: Int = 256 << 20) throws(Compression.Failure) -> [UInt8] {
        guard isZstd(bytes) else { return try Compression.inflate(bytes, limit: limit) }
        let stream = ZSTD_createDStream()
        defer { ZSTD_freeDStream(stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var finished = false
        let failure: Compression.Failure? = bytes.withUnsafeBytes { source in
            var input = ZSTD_inBuffer(src: source.baseAddress, size: source.count, pos: 0)
            while true {
                let (remaining, produced) = chunk.withUnsafeMutableBytes { target in
                    var out = ZSTD_outBuffer(dst: target.baseAddress, size: target.count, pos: 0)
                    let remaining = ZSTD_decompressStream(stream, &out, &input)
                    return (remaining, out.pos)
                }
                if ZSTD_isError(remaining) != 0 { return .corrupt(String(cString: ZSTD_getErrorName(remaining))) }
                output.append(contentsOf: chunk[..<produced])
                if output.count > limit { return .tooLarge(limit: limit) }
                finished = remaining == 0
                // All input read and the output buffer not filled: nothing more will come out.
                if input.pos == input.size, produced < chunk.count { return nil }
            }
        }
        if let failure { throw failure }
        guard finished else { throw .corrupt("truncated zstd frame") }
        return output
    }
}
