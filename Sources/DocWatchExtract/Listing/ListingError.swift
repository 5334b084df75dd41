/// Why a list page, feed or sitemap yielded no links.
public enum DiscoveryError: Error, Equatable, CustomStringConvertible {
    /// The source's `follow` pattern is not a valid regular expression.
    case invalidFollowPattern(pattern: String, reason: String)
    /// The URL the links are resolved against is not an absolute http(s) URL.
    case invalidBaseURL(String)
    /// The XML is not well-formed; `line` and `column` are 1-based, as libxml2 counts them.
    case malformedXML(line: Int, column: Int, message: String)
    /// Well-formed XML, but not the kind of document expected (an HTML page where a feed should be).
    case unexpectedDocument(expected: String, root: String)
    /// A JSON Feed that does not decode.
    case malformedJSONFeed(String)
    /// A gzip body that does not inflate.
    case corruptGzip(String)

    public var description: String {
        switch self {
        case .invalidFollowPattern(let pattern, let reason):
            "invalid follow pattern '\(pattern)': \(reason)"
        case .invalidBaseURL(let url):
            "not an absolute http(s) URL: '\(url)'"
        case .malformedXML(let line, let column, let message):
            "malformed XML at line \(line), column \(column): \(message)"
        case .unexpectedDocument(let expected, let root):
            "not \(expected): the root element is <\(root)>"
        case .malformedJSONFeed(let reason):
            "malformed JSON Feed: \(reason)"
        case .corruptGzip(let reason):
            "corrupt gzip body: \(reason)"
        }
    }
}
