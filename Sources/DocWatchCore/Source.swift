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
    /// Re-request known articles (conditionally) this often even when the source does not say they
    /// changed, so corrections are seen; nil never. The config's default is `Source.defaultRecheck`.
    public var recheck: TimeInterval?
    /// Only articles first seen within this long are rechecked; nil: every article of the source.
    public var recheckWithin: TimeInterval?
    /// At most this many rechecks per poll, those seen longest ago first; the rest come next poll.
    public var recheckMax: Int
    /// Cap on new articles taken per poll; the rest wait for the next poll.
    public var maxNew: Int?
    /// `kind = "json"` sources: where the items and their fields sit in the answer.
    public var jsonPaths: JSONItemPaths?
    /// Request headers sent with every request of this source (list, articles, attachments).
    public var headers: [String: String]
    /// Overrides `[http] proxy` for this source; `""` is a direct connection; nil takes the global one.
    public var proxy: String?

    public init(
        id: String, name: String? = nil, url: String, kind: SourceKind = .page, follow: String? = nil,
        interval: TimeInterval? = nil, charset: String? = nil, tags: [String] = [], pages: Int = 1,
        recheck: TimeInterval? = nil, recheckWithin: TimeInterval? = nil, recheckMax: Int = Source.defaultRecheckMax,
        maxNew: Int? = nil, jsonPaths: JSONItemPaths? = nil, headers: [String: String] = [:], proxy: String? = nil
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
        self.recheckWithin = recheckWithin
        self.recheckMax = recheckMax
        self.maxNew = maxNew
        self.jsonPaths = jsonPaths
        self.headers = headers
        self.proxy = proxy
    }

    /// What every request of this source carries: its headers, its proxy and its own cookie jar
    /// (keyed by the source id, so no two sources share cookies).
    public var requestOptions: RequestOptions {
        RequestOptions(headers: headers, proxy: proxy, cookieJar: id)
    }

    /// The config's default `recheck`: every 6 hours, so a corrected article is seen within a day
    /// even when a poll or two fails or the per-poll cap defers it.
    public static let defaultRecheck: TimeInterval = 6 * 3600
    /// The config's default `recheck_within`: articles first seen in the last 7 days, the time in
    /// which government sites correct what they published.
    public static let defaultRecheckWithin: TimeInterval = 7 * 86_400
    /// The default `recheck_max`: rechecks per poll, so a big backlog never floods one site.
    public static let defaultRecheckMax = 50
}
