import DocWatchCore

/// gzip (RFC 1952) around the zlib deflate that `DocWatchCore.Compression` makes, for test responses
/// served with `Content-Encoding: gzip`.
public enum Gzip {
    /// The gzip member for `bytes`.
    public static func compress(_ bytes: [UInt8]) -> [UInt8] {
        let zlib = Compression.deflate(bytes)
        // A zlib stream is a 2-byte header, the raw deflate data and a 4-byte Adler-32 trailer.
        let deflated = zlib.dropFirst(2).dropLast(4)
        let header: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]
        return header + deflated + littleEndian(crc32(bytes)) + littleEndian(UInt32(truncatingIfNeeded: bytes.count))
    }

    private static func littleEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    private static let crcTable: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        return crc
    }

    /// CRC-32 as gzip's trailer wants it.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
