import DocWatchCore
import DocWatchExtract
import Foundation

/// One thing `docwatch fetch` polls: a configured source as configured, or one URL as a page filed
/// under a source.
enum FetchTarget {
    case source(Source)
    case page(url: String, under: Source)

    /// The source id for URLs `fetch --url` finds no configured source for.
    static let adHocSource = "cli"

    /// What `fetch --url URL [SOURCE]` polls. The rule, first match wins:
    /// 1. a named SOURCE: URL is filed under it (polled as that source when it is the source's own URL);
    /// 2. a configured source whose `url` is URL (canonically): that source, with its kind, follow, charset…;
    /// 3. the first list, feed or sitemap source whose `follow` matches URL, or without `follow`
    ///    whose host URL shares: URL as an article page under it;
    /// 4. otherwise URL as a page under the ad-hoc source `cli`.
    static func forURL(_ url: String, named: String?, in sources: [Source]) throws(CLIError) -> FetchTarget {
        let canonical = CanonicalURL.canonicalize(url) ?? url
        let isOwnURL = { (source: Source) in (CanonicalURL.canonicalize(source.url) ?? source.url) == canonical }
        if let named {
            guard let source = sources.first(where: { $0.id == named }) else {
                throw .usage("no source '\(named)' to file \(url) under")
            }
            return isOwnURL(source) ? .source(source) : .page(url: url, under: source)
        }
        if let source = sources.first(where: isOwnURL) { return .source(source) }
        if let owner = sources.first(where: { $0.kind != .page && listsArticle(canonical, of: $0) }) {
            return .page(url: url, under: owner)
        }
        return .page(url: url, under: Source(id: adHocSource, url: url))
    }

    /// Whether a listing source's links filter (its `follow`, else its host) takes `url`.
    private static func listsArticle(_ url: String, of source: Source) -> Bool {
        guard let scope = URL(string: source.url), let filter = try? LinkFilter(follow: source.follow, scope: scope) else {
            return false
        }
        return filter.accepts(url)
    }
}
