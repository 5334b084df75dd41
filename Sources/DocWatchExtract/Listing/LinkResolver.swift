import DocWatchCore
import Foundation

/// Turns the `href` of a page, feed or sitemap into an absolute http(s) URL, the way browsers do.
///
/// Hrefs on Chinese sites are often sloppy: spaces, raw Chinese characters, backslashes, stray
/// `%`. They are percent-encoded before resolution instead of being dropped. `mailto:`,
/// `javascript:`, `tel:`, `data:` and fragment-only references resolve to nothing.
enum LinkResolver {
    /// An absolute http(s) URL to resolve against, or `nil` when `text` is not one.
    static func base(_ text: String) -> URL? {
        guard let url = URL(string: encode(clean(text))), isWeb(url) else { return nil }
        return url
    }

    /// `reference` resolved against `base`; `nil` for empty, fragment-only and non-http(s) references.
    static func resolve(_ reference: String, against base: URL?) -> URL? {
        let cleaned = clean(reference)
        guard !cleaned.isEmpty, !cleaned.hasPrefix("#") else { return nil }
        if let scheme = scheme(of: cleaned), scheme != "http", scheme != "https" { return nil }
        let encoded = encode(cleaned)
        guard let url = URL(string: encoded, relativeTo: base)?.absoluteURL, isWeb(url) else { return nil }
        return url
    }

    /// `resolve` followed by `CanonicalURL.canonicalize`, as a string.
    static func canonical(_ reference: String, against base: URL?) -> String? {
        guard let url = resolve(reference, against: base) else { return nil }
        return canonicalize(url)
    }

    static func canonicalize(_ url: URL) -> String? {
        CanonicalURL.canonicalize(url.absoluteString)
    }

    private static func isWeb(_ url: URL) -> Bool {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return false }
        return !(url.host ?? "").isEmpty
    }

    /// Leading and trailing white space dropped (full-width too), tabs and newlines inside removed.
    private static func clean(_ text: String) -> String {
        let trimmed = Whitespace.trim(text)
        guard trimmed.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return trimmed }
        return String(trimmed.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })
    }

    /// The lower-cased scheme when `text` starts with one (`javascript:`, `http:`), else `nil`.
    private static func scheme(of text: String) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let candidate = text[..<colon]
        guard let first = candidate.first, first.isASCII, first.isLetter,
              candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return candidate.lowercased()
    }

    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Bytes allowed unescaped in a URL reference (RFC 3986 unreserved, reserved and `%`).
    private static let allowed: Set<UInt8> = Set(Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=".utf8))

    /// Percent-encodes every byte a URL may not hold, and every `%` that does not start an escape.
    private static func encode(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if allowed.contains(byte) {
                out.append(byte)
            } else if byte == UInt8(ascii: "\\") {
                out.append(UInt8(ascii: "/"))  // browsers read a backslash in an http(s) URL as a slash
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
                      isHex(bytes[index + 1]), isHex(bytes[index + 2]) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }
}
