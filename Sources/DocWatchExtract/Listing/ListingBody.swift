import DocWatchCore
import Foundation

/// Decodes fetched bytes to text: the fetch stage's charset order (`DocWatchFetch.CharsetDecoder`),
/// handed in so that Extract does not link libcurl. Arguments: the bytes, the response's
/// `Content-Type`, the source's `charset` override.
public typealias ListingTextDecoder = @Sendable (_ body: [UInt8], _ contentType: String?, _ charset: String?) -> String

/// One fetched list page, feed, sitemap or JSON answer, with what its source says about reading it.
public struct ListingBody: Sendable {
    /// How to read the body (`list` and `page` are both read as a list page).
    public var kind: SourceKind
    public var bytes: [UInt8]
    /// The response's `Content-Type` header, if any.
    public var contentType: String?
    /// The source's `charset`, which overrides what the response declares.
    public var charset: String?
    /// The URL the body was served from (after redirects): relative links resolve against it.
    public var url: String
    /// The source's `follow` pattern; without one, the same-site rules choose.
    public var follow: String?
    /// `kind = "json"` only: where the items and their fields are.
    public var jsonPaths: JSONItemPaths?
    /// The zone of dates that name none.
    public var timeZone: TimeZone

    public init(
        kind: SourceKind, bytes: [UInt8], contentType: String? = nil, charset: String? = nil, url: String,
        follow: String? = nil, jsonPaths: JSONItemPaths? = nil,
        timeZone: TimeZone = ExtractionOptions().timeZone
    ) {
        self.kind = kind
        self.bytes = bytes
        self.contentType = contentType
        self.charset = charset
        self.url = url
        self.follow = follow
        self.jsonPaths = jsonPaths
        self.timeZone = timeZone
    }

    /// The body of `response`, read as `source` says.
    public init(source: Source, response: FetchResponse, timeZone: TimeZone = ExtractionOptions().timeZone) {
        self.init(kind: source.kind, bytes: response.body, contentType: response.contentType, charset: source.charset,
                  url: response.url, follow: source.follow, jsonPaths: source.jsonPaths, timeZone: timeZone)
    }
}

/// What one listing body yields.
public struct Listing: Sendable, Equatable {
    /// The article links, canonical, filtered, without repeats, in the listing's order, each with the
    /// title and date the listing gives it (feeds and sitemaps: `updated`; list pages and JSON
    /// answers: `published`, ISO 8601).
    public var links: [DiscoveredLink]
    /// The next page (or next group of records) of a list, when the page names one.
    public var nextPage: String?
    /// The child sitemaps of a sitemap index (never filtered: they are not documents).
    public var childSitemaps: [String]

    public init(links: [DiscoveredLink], nextPage: String? = nil, childSitemaps: [String] = []) {
        self.links = links
        self.nextPage = nextPage
        self.childSitemaps = childSitemaps
    }
}
