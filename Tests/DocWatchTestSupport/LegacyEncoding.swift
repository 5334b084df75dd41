import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Encodes fixture text into the legacy charsets Chinese sites serve (GBK, Big5), through glibc's iconv.
public enum LegacyEncoding {
    public static func gbk(_ text: String) -> [UInt8] { encode(text, to: "GBK") }
    public static func big5(_ text: String) -> [UInt8] { encode(text, to: "BIG5") }

    /// `text` in `charset`; characters the charset lacks are dropped (`//IGNORE`).
    public static func encode(_ text: String, to charset: String) -> [UInt8] {
        let handle = iconv_open(charset + "//IGNORE", "UTF-8")
        guard let handle, handle != iconv_t(bitPattern: -1) else { return [] }
        defer { iconv_close(handle) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 2 + 16)
        var inLeft = input.count, outLeft = output.count
        input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                _ = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
            }
        }
        return output.prefix(output.count - outLeft).map { UInt8(bitPattern: $0) }
    }
}
