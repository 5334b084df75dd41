import Foundation

/// Decides which discovered URLs are documents of a source.
///
/// With a `follow` pattern, the pattern alone decides: it is searched (not anchored) in the
/// canonical absolute URL, so it may name other hosts. Without one, a URL must be on the host
/// of the page it was found on and, when a directory is given, below that directory and not the
/// index of a sub-column.
public struct LinkFilter: Sendable {
    private let pattern: NSRegularExpression?
    private let host: String?
    private let directory: String?

    /// A filter for `follow`, falling back to the host of `scope` and, if given, paths below `directory`.
    public init(follow: String?, scope: URL, directory: String? = nil) throws(ListingError) {
        if let follow, !follow.isEmpty {
            do {
                pattern = try NSRegularExpression(pattern: follow)
            } catch {
                throw .invalidFollowPattern(pattern: follow, reason: Self.reason(follow))
            }
        } else {
            pattern = nil
        }
        host = scope.host?.lowercased()
        self.directory = directory
    }

    /// Whether the canonical absolute `url` is a document of the source.
    public func accepts(_ url: String) -> Bool {
        accepts(url, URLComponents(string: url))
    }

    /// `accepts` for a URL whose components the caller has already parsed.
    func accepts(_ url: String, _ components: URLComponents?) -> Bool {
        if let pattern {
            let range = NSRange(url.startIndex..., in: url)
            return pattern.firstMatch(in: url, range: range) != nil
        }
        guard let components, components.host?.lowercased() == host else { return false }
        guard let directory else { return true }
        let path = components.percentEncodedPath
        return path.count > directory.count && path.hasPrefix(directory) && !Self.isColumnIndex(path)
    }

    /// Whether `path` names the index of a column (`sjdt/`, `sjdt/index.html`, `zt/index_2.shtml`,
    /// `default.aspx`) rather than an article: list pages link their sub-columns below themselves.
    static func isColumnIndex(_ path: String) -> Bool {
        guard !path.hasSuffix("/") else { return true }
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        guard let stem = Pagination.split(name)?.stem.lowercased() else { return false }
        return stem == "index" || stem == "default"
    }

    /// The directory part of `url`'s path, with its trailing slash: `/xwdt/gxdt/index.html` → `/xwdt/gxdt/`.
    static func directory(of url: URL) -> String {
        let path = URLComponents(url: url, resolvingAgainstBaseURL: true)?.percentEncodedPath ?? "/"
        guard let slash = path.lastIndex(of: "/") else { return "/" }
        return String(path[...slash])
    }

    /// What is wrong with `pattern`: Foundation's error names nothing, Swift's regex parser says
    /// what it expected (`expected ')'`), and the two dialects agree on what such mistakes are.
    private static func reason(_ pattern: String) -> String {
        do {
            _ = try Regex(pattern)
            return "ICU cannot compile it"
        } catch {
            return "\(error)"
        }
    }
}
