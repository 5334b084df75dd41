import DocWatchCore
import Foundation

/// The file name a `Content-Disposition` header gives, as Chinese download endpoints send it.
///
/// In order: RFC 5987 `filename*=CHARSET''percent-bytes` (UTF-8, GBK, GB2312 …); then `filename=`,
/// quoted or not, whose bytes may be percent-encoded UTF-8 or GBK, or raw GBK bytes (header lines
/// that are not UTF-8 reach us byte for byte as Latin-1 scalars; see `CurlTransfer`).
public enum ContentDisposition {
    /// The file name, without any folder part; nil when the header names none.
    public static func filename(_ header: String?) -> String? {
        guard let header else { return nil }
        let parameters = self.parameters(header)
        if let extended = parameters["filename*"], let name = decodeExtended(extended) { return baseName(name) }
        guard let plain = parameters["filename"], !plain.isEmpty else { return nil }
        let bytes = plain.contains("%") ? percentDecoded(plain) : latin1Bytes(plain)
        guard let bytes else { return baseName(plain) }
        return baseName(decodeUnlabelled(bytes))
    }

    /// `name=value` pairs after the disposition type; names lower-cased, quotes and escapes removed.
    static func parameters(_ header: String) -> [String: String] {
        var result: [String: String] = [:]
        var scalars = Substring(header)
        // Skip the disposition type (attachment, inline).
        guard let firstSemicolon = scalars.firstIndex(of: ";") else { return result }
        scalars = scalars[scalars.index(after: firstSemicolon)...]
        while !scalars.isEmpty {
            scalars = scalars.drop { $0 == " " || $0 == "\t" || $0 == ";" }
            guard let equals = scalars.firstIndex(of: "=") else { break }
            let name = Whitespace.trim(scalars[..<equals]).lowercased()
            scalars = scalars[scalars.index(after: equals)...].drop { $0 == " " }
            var value = ""
            if scalars.first == "\"" {
                scalars = scalars.dropFirst()
                var escaped = false
                while let character = scalars.first {
                    scalars = scalars.dropFirst()
                    if escaped { value.append(character); escaped = false; continue }
                    if character == "\\" { escaped = true; continue }
                    if character == "\"" { break }
                    value.append(character)
                }
                scalars = scalars.drop { $0 != ";" }
            } else {
                let end = scalars.firstIndex(of: ";") ?? scalars.endIndex
                value = Whitespace.trim(scalars[..<end])
                scalars = scalars[end...]
            }
            if result[name] == nil { result[name] = value }
        }
        return result
    }

    /// `UTF-8''%E9%99%84…` or `gbk'zh'%B8%BD…`.
    private static func decodeExtended(_ value: String) -> String? {
        let parts = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let bytes = percentDecoded(String(parts[2])) else { return nil }
        let label = String(parts[0])
        if label.isEmpty || label.lowercased() == "utf-8" { return String(validating: bytes, as: UTF8.self) }
        return Charset(label: label)?.decode(bytes)
    }

    /// Bytes with no declared charset: UTF-8 when valid, else GB18030 (GBK's superset).
    private static func decodeUnlabelled(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return Charset(label: "gb18030")?.decode(bytes) ?? String(decoding: bytes, as: UTF8.self)
    }

    private static func percentDecoded(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.first {
            utf8 = utf8.dropFirst()
            if byte == UInt8(ascii: "%") {
                guard utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) else { return nil }
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return bytes
    }

    /// The bytes of a header value that arrived as Latin-1 scalars; nil when it holds wider scalars
    /// (it was valid UTF-8 and is already text).
    private static func latin1Bytes(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            guard scalar.value <= 0xFF else { return nil }
            bytes.append(UInt8(scalar.value))
        }
        return bytes
    }

    private static func baseName(_ name: String) -> String? {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? name
        let trimmed = Whitespace.trim(last)
        return trimmed.isEmpty ? nil : trimmed
    }
}
