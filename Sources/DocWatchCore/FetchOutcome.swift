/// What one poll of one URL came to, as the fetch log records it.
public enum FetchOutcome: String, Sendable, Codable, CaseIterable {
    /// A document seen for the first time.
    case new
    /// A new version of a known document.
    case changed
    /// The body, or its content, is the same as last time.
    case unchanged
    /// The server answered 304 to the conditional request.
    case notModified = "not_modified"
    /// The content is already stored under another URL.
    case duplicate
    /// A list, feed or sitemap poll that yielded links (no document of its own).
    case listed
    case error

    /// Whether the poll reached the server and got a usable answer.
    public var isSuccess: Bool { self != .error }
}
