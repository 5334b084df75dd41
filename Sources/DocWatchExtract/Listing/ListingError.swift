import DocWatchCore

/// Why a list page, feed, sitemap or JSON answer yielded no links.
public enum ListingError: Error, Equatable, CustomStringConvertible {
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
    /// A `kind = "json"` answer that is not JSON.
    case malformedJSON(String)
    /// A `kind = "json"` source without its `items` and `link` paths.
    case missingJSONPaths
    /// A configured JSON path that finds nothing; `within` says where it was looked up.
    case jsonPathNotFound(path: String, within: String)
    /// The `items` path finds a value that is not an array.
    case jsonPathNotArray(path: String, found: String)
    /// The listing was read, but none of its links is an article of the source. `found` counts the
    /// links it had before `follow` (or the same-site rule) chose.
    case noArticleLinks(url: String, kind: SourceKind, follow: String?, found: Int)

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
        case .malformedJSON(let reason):
            "not JSON: \(reason)"
        case .missingJSONPaths:
            "a json source needs 'items' and 'link' paths"
        case .jsonPathNotFound(let path, let within):
            "JSON path '\(path)' finds nothing in \(within)"
        case .jsonPathNotArray(let path, let found):
            "JSON path '\(path)' finds \(found), not an array of items"
        case .noArticleLinks(let url, let kind, let follow, let found):
            Self.noLinks(url: url, kind: kind, follow: follow, found: found)
        }
    }

    /// What was read, what chose nothing, and what to try.
    private static func noLinks(url: String, kind: SourceKind, follow: String?, found: Int) -> String {
        let what = switch kind {
        case .feed: "feed"
        case .sitemap: "sitemap"
        case .json: "JSON answer"
        case .list, .page: "list page"
        }
        var text = "no article links in the \(what) \(url)"
        if let follow {
            text += ": follow '\(follow)' matches none of its \(found) links; loosen follow"
        } else if found > 0 {
            text += ": none of its \(found) links is an article on its site; set follow to a pattern its article URLs match"
        } else {
            text += ": it has no links"
        }
        switch kind {
        case .list, .page:
            text += "; if the list is filled in by a script, point a kind = \"json\" source at the API it reads"
        case .json:
            text += "; check the items and link paths"
        case .feed, .sitemap:
            break
        }
        return text
    }
}
