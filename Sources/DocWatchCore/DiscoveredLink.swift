import Foundation

/// An article link found on a list page, in a feed or in a sitemap.
public struct DiscoveredLink: Sendable, Equatable, Hashable, Codable {
    /// Absolute URL.
    public var url: String
    /// The anchor text or the feed entry's title: a hint, the page is still fetched.
    public var title: String?
    /// Feed `updated`/`published` or sitemap `lastmod`, as written; when it moves the article is re-fetched.
    public var updated: String?

    public init(url: String, title: String? = nil, updated: String? = nil) {
        self.url = url
        self.title = title
        self.updated = updated
    }
}
