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

    static func folded(_ text: String) -> String? {
        TextScan.folded(text)
    }

    private static func isTruncated(_ text: String) -> Bool {
        text.hasSuffix("…") || text.hasSuffix("...") || text.hasSuffix("。。。")
    }
}
