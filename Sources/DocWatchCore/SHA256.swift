import CCrypto

/// SHA-256 through libcrypto, as `sha256:<hex>` strings.
public enum SHA256Digest {
    /// `sha256:` followed by 64 lower-case hex digits.
    public static func tagged<Bytes: ContiguousBytes>(_ bytes: Bytes) -> String {
        "sha256:" + hex(bytes)
    }

    public static func hex<Bytes: ContiguousBytes>(_ bytes: Bytes) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        bytes.withUnsafeBytes { buffer in
            digest.withUnsafeMutableBufferPointer { out in
                docwatch_sha256(buffer.baseAddress, buffer.count, out.baseAddress)
            }
        }
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

import Foundation
