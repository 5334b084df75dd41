import DocWatchCore

/// The title a link gives its target: the anchor text with white space folded, or the anchor's
/// `title` attribute when the text is missing or cut short (`…`, `...`), or an image's `alt`.
enum AnchorText {
    static func of(_ anchor: HTMLNode) -> String? {
        let text = folded(anchor.textContent)
        let attribute = folded(anchor["title"] ?? "")
        if let text, !isTruncated(text) { return text }
        if let attribute { return attribute }
        if let text { return text }
        return anchor.first("img").flatMap { folded($0["alt"] ?? "") }
    }

    /// `text` with white space runs folded to one space and trimmed; `nil` when nothing is left.
    static func folded(_ text: String) -> String? {
        let out = Whitespace.fold(text)
        return out.isEmpty ? nil : out
    }

    private static func isTruncated(_ text: String) -> Bool {
        text.hasSuffix("…") || text.hasSuffix("...") || text.hasSuffix("。。。")
    }
}
