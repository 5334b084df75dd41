import DocWatchCore

/// What one poll of one URL came to, for the scheduler, `docwatch fetch` and logs.
public struct PollReport: Sendable, Equatable {
    public var source: String
    public var url: String
    public var outcome: FetchOutcome
    public var status: Int?
    /// One line for an operator when `outcome` is `.error`.
    public var error: String?
    public var document: Int64?
    public var event: Int64?
    /// Seconds the server asked us to wait (429/503 `Retry-After`).
    public var retryAfter: Double?
    /// Article polls made because of this poll (list, feed and sitemap sources).
    public var articles: [PollReport]
    /// Whether a store operation of this poll failed (`error` says which): then the poll is an error
    /// whatever the server answered.
    public var storeFailed = false

    public init(source: String, url: String, outcome: FetchOutcome, status: Int? = nil, error: String? = nil,
                document: Int64? = nil, event: Int64? = nil, retryAfter: Double? = nil, articles: [PollReport] = []) {
        self.source = source
        self.url = url
        self.outcome = outcome
        self.status = status
        self.error = error
        self.document = document
        self.event = event
        self.retryAfter = retryAfter
        self.articles = articles
    }

    /// Whether this poll and every article poll under it succeeded.
    public var succeeded: Bool {
        outcome.isSuccess && articles.allSatisfy(\.succeeded)
    }
}
