#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// glibc iconv to UTF-8, replacing invalid input with U+FFFD instead of failing.
enum Iconv {
    /// `iconv_open`'s failure value, `(iconv_t)-1`.
    private static func isInvalid(_ handle: iconv_t?) -> Bool {
        handle == nil || handle == iconv_t(bitPattern: -1)
    }

    /// Whether iconv can convert from `charset`.
    static func knows(_ charset: String) -> Bool {
        let handle = iconv_open("UTF-8", charset)
        guard !isInvalid(handle) else { return false }
        iconv_close(handle)
        return true
    }

    /// `bytes` in `charset` as a string; nil when iconv does not know the charset.
    static func convert(_ bytes: [UInt8], from charset: String) -> String? {
        let handle = iconv_open("UTF-8", charset)
        guard !isInvalid(handle) else { return nil }
        defer { iconv_close(handle) }
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        var output = [UInt8]()
        output.reserveCapacity(bytes.count * 3 / 2 + 16)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = bytes
        input.withUnsafeMutableBufferPointer { inBuffer in
            chunk.withUnsafeMutableBufferPointer { outBuffer in
                guard let inBase = inBuffer.baseAddress, let outBase = outBuffer.baseAddress else { return }
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                while inLeft > 0 {
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuffer.count
                    let result = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
                    output.append(contentsOf: UnsafeBufferPointer(start: outBase, count: outBuffer.count - outLeft))
                    if result != -1 { break }
                    switch errno {
                    case E2BIG:
                        continue
                    case EILSEQ, EINVAL:
                        output.append(contentsOf: replacement)
                        inPointer = inPointer.map { $0 + 1 }
                        inLeft -= 1
                    default:
                        output.append(contentsOf: replacement)
                        inLeft = 0
                    }
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
