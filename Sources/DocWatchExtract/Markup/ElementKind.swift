/// What the extractor needs to know about an element's name, looked up once at parse time so
/// later passes test bits instead of hashing names.
struct ElementKind: OptionSet, Sendable {
    let rawValue: UInt8

    /// Starts a new line of text.
    static let block = ElementKind(rawValue: 1)
    /// A paragraph of its container (`p`, `li` …): its text credits the container.
    static let paragraph = ElementKind(rawValue: 2)
    /// Never article text (`nav`, `select` …).
    static let furniture = ElementKind(rawValue: 4)
    /// Never document text at all (`script`, `style` …): dropped by the parser.
    static let dropped = ElementKind(rawValue: 8)
    /// Its `class` or `id` contains "title" (any case): a headline candidate.
    static let titleHint = ElementKind(rawValue: 16)

    private static let table: [String: ElementKind] = {
        var table: [String: ElementKind] = [:]
        for name in [
            "p", "div", "td", "th", "tr", "table", "tbody", "thead", "tfoot", "li", "ul", "ol", "dl", "dd", "dt",
            "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "main", "body", "blockquote", "pre", "center",
            "form", "header", "footer", "nav", "aside", "address", "figure", "figcaption", "caption", "hr", "html",
            "fieldset", "details", "summary", "#document",
        ] {
            table[name, default: []].insert(.block)
        }
        for name in ["p", "li", "dd", "dt", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "tr", "th"] {
            table[name, default: []].insert(.paragraph)
        }
        for name in [
            "nav", "aside", "footer", "select", "option", "button", "input", "textarea", "label", "menu", "head",
            "title", "meta", "link", "map", "area", "audio", "video", "canvas", "marquee",
        ] {
            table[name, default: []].insert(.furniture)
        }
        for name in ["script", "style", "noscript", "template", "iframe", "object", "embed", "svg"] {
            table[name, default: []].insert(.dropped)
        }
        return table
    }()

    /// The kind of an element name (lower-case).
    static func of(_ name: String) -> ElementKind { table[name] ?? [] }
}
