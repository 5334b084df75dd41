import DocWatchCore
import Foundation

/// Values that shape HTTP requests, read the same way wherever they appear: `headers` tables
/// (`[[source]]`, `[[notify]]`) and proxy URLs (`[http] proxy`, a source's `proxy`).
extension TableReader {
    /// `headers = { Name = "value" }`: names are RFC 7230 tokens given once (names ignore case),
    /// values strings of one line without NUL; names in `reserved` (lower-cased) are refused.
    mutating func headers(_ key: String, reserved: Set<String> = []) throws(ConfigError) -> [String: String]? {
        claim(key)
        guard let value = table[key] else { return nil }
        guard let entries = value.table?.entries else { throw bad(key, "expected an inline table of strings") }
        var headers: [String: String] = [:]
        var seen: Set<String> = []
        for entry in entries {
            let name = entry.key
            let at = entry.keyPosition
            guard !name.isEmpty, name.unicodeScalars.allSatisfy(Self.isTokenCharacter) else {
                throw bad(key, "'\(name)' is not a valid header name", at: at)
            }
            guard !reserved.contains(name.lowercased()) else {
                throw bad(key, "'\(name)' is set by docwatch itself and cannot be given here", at: at)
            }
            guard seen.insert(name.lowercased()).inserted else {
                throw bad(key, "'\(name)' is given twice (header names ignore case)", at: at)
            }
            guard let text = entry.value.string else { throw bad(key, "the value of '\(name)' must be a string", at: at) }
            // Scalars, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
            guard !text.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) else {
                throw bad(key, "the value of '\(name)' must be one line", at: at)
            }
            guard !text.unicodeScalars.contains("\0") else {
                throw bad(key, "the value of '\(name)' must not contain a NUL character", at: at)
            }
            headers[name] = text
        }
        return headers
    }

    /// tchar of RFC 7230: ASCII letters and digits and ``!#$%&'*+-.^_`|~``.
    private static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return false }
        return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar)
    }

    /// A proxy URL: `http`, `https`, `socks5` or `socks5h`, a host and at most a port (credentials
    /// allowed); `""` is kept as given (no proxy).
    mutating func proxy(_ key: String) throws(ConfigError) -> String? {
        guard let text = try string(key) else { return nil }
        if text.isEmpty { return text }
        if let problem = ProxyURL.problem(text) { throw bad(key, "'\(ProxyURL.redacted(text))' \(problem)") }
        return text
    }
}

/// Checks and prints proxy URLs without showing their passwords.
public enum ProxyURL {
    /// The schemes libcurl is asked to speak to a proxy.
    static let schemes = ["http", "https", "socks5", "socks5h"]

    /// Why `text` is not a usable proxy URL, or nil when it is.
    static func problem(_ text: String) -> String? {
        guard text.contains("://"), let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            return "is not a proxy URL like \"http://proxy.example:3128\" or \"socks5h://127.0.0.1:1080\""
        }
        guard schemes.contains(scheme) else {
            return "has the scheme '\(scheme)'; a proxy is one of \(schemes.joined(separator: ", "))"
        }
        guard let host = components.host, !host.isEmpty else { return "names no host" }
        if let port = components.port, !(1...65_535).contains(port) { return "has a port outside 1…65535" }
        guard components.path.isEmpty || components.path == "/", components.query == nil, components.fragment == nil else {
            return "must be only scheme, host and port (no path or query)"
        }
        return nil
    }

    /// `text` with any password replaced by `…`, for messages and `check-config`.
    public static func redacted(_ text: String) -> String { URLPassword.redacted(text, mask: "…") }
}
