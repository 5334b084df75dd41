import Foundation

/// An article link found on a list page, in a feed, in a sitemap or in a JSON answer.
public struct DiscoveredLink: Sendable, Equatable, Hashable, Codable {
    /// Absolute URL.
    public var url: String
    /// The anchor text or the feed entry's title: a hint, the page is still fetched.
    public var title: String?
    /// Feed `updated`/`published` or sitemap `lastmod`, as written; when it moves the article is re-fetched.
    public var updated: String?
    /// The publication date a list page prints beside the link or a JSON answer gives its item, as
    /// ISO 8601. Informative only: unlike `updated` it never makes a known article due again.
    public var published: String?

    public init(url: String, title: String? = nil, updated: String? = nil, published: String? = nil) {
        self.url = url
        self.title = title
        self.updated = updated
        self.published = published
    }
}
