import Foundation

/// How a source is polled: one watched page, or a page/feed/sitemap/JSON endpoint that yields article links.
public enum SourceKind: String, Sendable, Codable, CaseIterable {
    case page, list, feed, sitemap, json
}

/// One configured thing to watch (a `[[source]]` table of the config).
public struct Source: Sendable, Equatable, Codable {
    /// `[a-z0-9-]+`, unique and stable: it keys the stored history.
    public var id: String
    public var name: String
    public var url: String
    public var kind: SourceKind
    /// For list/feed/sitemap sources: a regex over absolute URLs naming which links are documents.
    public var follow: String?
    /// Poll interval in seconds; `nil` takes `[schedule] interval`.
    public var interval: TimeInterval?
    /// A charset that overrides what the site declares.
    public var charset: String?
    public var tags: [String]
    /// List sources: how many list pages to follow through next-page links.
    public var pages: Int
    /// Re-fetch known articles this often even when the source does not say they changed.
    public var recheck: TimeInterval?
    /// Cap on new articles taken per poll; the rest wait for the next poll.
    public var maxNew: Int?
    /// `kind = "json"` sources: where the items and their fields sit in the answer.
    public var jsonPaths: JSONItemPaths?

    public init(
        id: String, name: String? = nil, url: String, kind: SourceKind = .page, follow: String? = nil,
        interval: TimeInterval? = nil, charset: String? = nil, tags: [String] = [], pages: Int = 1,
        recheck: TimeInterval? = nil, maxNew: Int? = nil, jsonPaths: JSONItemPaths? = nil
    ) {
        self.id = id
        self.name = name ?? id
        self.url = url
        self.kind = kind
        self.follow = follow
        self.interval = interval
        self.charset = charset
        self.tags = tags
        self.pages = pages
        self.recheck = recheck
        self.maxNew = maxNew
        self.jsonPaths = jsonPaths
    }
}
