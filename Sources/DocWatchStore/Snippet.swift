/// A short excerpt around the first match of a query, the match marked with « ».
///
/// The match is found in the Simplified text (so a query in either script matches) and cut from
/// the stored text when the two align character for character, as OpenCC's t2s almost always does.
package enum Snippet {
    static let radius = 40

    static func make(text: String, simplified: String, query: String?) -> String {
        make(texts: [(text, simplified)], query: query)
    }

    /// The excerpt from the first of `texts` (a page's, then its attachments') that matches the
    /// query; the start of the first one when none does.
    package static func make(texts: [(text: String, simplified: String)], query: String?) -> String {
        let terms = (query ?? "").split(whereSeparator: \.isWhitespace).map { Array(String($0).lowercased().unicodeScalars) }
        for (text, simplified) in texts {
            if let excerpt = excerpt(text: text, simplified: simplified, terms: terms) { return excerpt }
        }
        let source = Array((texts.first?.text ?? "").unicodeScalars)
        return flatten(source.prefix(radius * 2)) + (source.count > radius * 2 ? "…" : "")
    }

    private static func excerpt(text: String, simplified: String, terms: [[Unicode.Scalar]]) -> String? {
        let original = Array(text.unicodeScalars)
        let normalized = Array(simplified.unicodeScalars)
        let source = original.count == normalized.count ? original : normalized
        let lowered = normalized.map { Array(String($0).lowercased().unicodeScalars).first ?? $0 }
        var best: Range<Int>?
        for term in terms where !term.isEmpty {
            if let start = firstIndex(of: term, in: lowered), best == nil || start < best!.lowerBound {
                best = start..<(start + term.count)
            }
        }
        guard let match = best else { return nil }
        let from = max(0, match.lowerBound - radius)
        let to = min(source.count, match.upperBound + radius)
        return (from > 0 ? "…" : "") + flatten(source[from..<match.lowerBound]) + "«" + flatten(source[match]) + "»"
            + flatten(source[match.upperBound..<to]) + (to < source.count ? "…" : "")
    }

    private static func firstIndex(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        outer: for start in 0...(haystack.count - needle.count) {
            for offset in 0..<needle.count where haystack[start + offset] != needle[offset] { continue outer }
            return start
        }
        return nil
    }

    private static func flatten<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> String {
        var view = String.UnicodeScalarView()
        for scalar in scalars { view.append(scalar == "\n" ? " " : scalar) }
        return String(view)
    }
}
