import Foundation

/// What the test server answers on one path.
public struct TestRoute: Sendable {
    public var status: Int
    /// Extra response headers, sent as given.
    public var headers: [String: String]
    public var body: [UInt8]
    /// Seconds to wait before answering.
    public var delay: TimeInterval
    /// Send the body chunked, without a Content-Length.
    public var chunked: Bool
    /// When set, a request whose `If-None-Match` equals it gets a bodiless 304.
    public var etag: String?
    /// When set, a request whose `If-Modified-Since` equals it gets a bodiless 304.
    public var lastModified: String?

    public init(
        status: Int = 200, headers: [String: String] = [:], body: [UInt8] = [], delay: TimeInterval = 0,
        chunked: Bool = false, etag: String? = nil, lastModified: String? = nil
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
        self.chunked = chunked
        self.etag = etag
        self.lastModified = lastModified
    }

    /// Whether `requestHeaders` (names lower-cased) carry a validator this route's page matches.
    func isNotModified(for requestHeaders: [String: String]) -> Bool {
        if let etag, let given = requestHeaders["if-none-match"] {
            return given.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == etag }
        }
        if let lastModified, let given = requestHeaders["if-modified-since"] {
            return given == lastModified
        }
        return false
    }
}

/// One request the test server received.
public struct RecordedRequest: Sendable {
    public var method: String
    public var path: String
    /// The request target as sent: `/a?b` in origin form, `http://host/a?b` in absolute form (to a proxy).
    public var target: String
    /// Header names lower-cased; for repeated headers the last value.
    public var headers: [String: String]
    /// When the server began handling it.
    public var receivedAt: ContinuousClock.Instant
    /// The client's TCP port: requests that share it came on one connection.
    public var clientPort: UInt16? = nil
}
