import Foundation

/// The key a document is stored under: lower-case scheme and host, no fragment, no tracking
/// parameters (`utm_*`, `spm`), default port dropped, empty path as `/`.
public enum CanonicalURL {
    public static func canonicalize(_ text: String) -> String? {
        guard var parts = URLComponents(string: trimmed(text)),
              let scheme = parts.scheme?.lowercased(), let host = parts.host, !host.isEmpty
        else { return nil }
        parts.scheme = scheme
        parts.host = host.lowercased()
        parts.fragment = nil
        if (scheme == "http" && parts.port == 80) || (scheme == "https" && parts.port == 443) {
            parts.port = nil
        }
        if parts.path.isEmpty { parts.path = "/" }
        if let items = parts.queryItems {
            let kept = items.filter { !isTrackingParameter($0.name) }
            parts.queryItems = kept.isEmpty ? nil : kept
        }
        return parts.string
    }

    /// `text` without leading and trailing white space; a URL that has none (nearly all) is returned as it
    /// is, without `trimmingCharacters`' copy and scan (a few percent of a 304 poll).
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return text }
        guard space.contains(first) || space.contains(last) else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static let space = CharacterSet.whitespacesAndNewlines

    static func isTrackingParameter(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasPrefix("utm_") || lower == "spm"
    }

    /// The host of an absolute URL, lower-cased; `nil` when there is none.
    public static func host(of text: String) -> String? {
        URLComponents(string: text)?.host?.lowercased()
    }
}
