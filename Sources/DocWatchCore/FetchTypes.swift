import Foundation

/// One HTTP GET, with the validators of the last response for a conditional request.
public struct FetchRequest: Sendable, Equatable {
    public var url: String
    public var etag: String?
    public var lastModified: String?
    /// The source's headers, proxy and cookie jar.
    public var options: RequestOptions

    public init(url: String, etag: String? = nil, lastModified: String? = nil, options: RequestOptions = RequestOptions()) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.options = options
    }
}

/// A completed HTTP exchange, whatever its status. The body is decoded (no Content-Encoding left).
public struct FetchResponse: Sendable, Equatable {
    public var status: Int
    /// The URL after redirects.
    public var url: String
    /// Header names lower-cased; for repeated headers the last value.
    public var headers: [String: String]
    public var body: [UInt8]
    /// Seconds from start to the last byte.
    public var elapsed: TimeInterval

    public init(status: Int, url: String, headers: [String: String] = [:], body: [UInt8] = [], elapsed: TimeInterval = 0) {
        self.status = status
        self.url = url
        self.headers = headers
        self.body = body
        self.elapsed = elapsed
    }

    public var etag: String? { headers["etag"] }
    public var lastModified: String? { headers["last-modified"] }
    public var contentType: String? { headers["content-type"] }

    /// `Retry-After` as seconds from `now`: either delta-seconds or an HTTP date.
    public func retryAfter(now: Date) -> TimeInterval? {
        guard let value = headers["retry-after"]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = TimeInterval(value) { return max(0, seconds) }
        guard let date = HTTPDate.parse(value) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}

/// Why a fetch produced no response. Each case reads as one line for an operator.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidURL(String)
    case protocolNotAllowed(String)
    case couldNotResolve(String)
    case connectionFailed(String)
    case timedOut(seconds: TimeInterval)
    case tooManyRedirects(limit: Int)
    case bodyTooLarge(limit: Int)
    /// The response's header lines passed libcurl's limits (one line over 100 KiB, 300 KiB in all).
    case headerTooLarge
    case tls(String)
    case transfer(code: Int, message: String)
    case cancelled

    public var description: String {
        switch self {
        case .invalidURL(let url): "invalid URL \(url)"
        case .protocolNotAllowed(let url): "protocol not allowed (http and https only): \(url)"
        case .couldNotResolve(let message):
            // curl's message already reads "Could not resolve host: NAME"; say it once.
            "could not resolve host: " + (message.hasPrefix("Could not resolve host: ") ? String(message.dropFirst(24)) : message)
        case .connectionFailed(let message): "connection failed: \(message)"
        case .timedOut(let seconds): "timed out after \(Int(seconds))s"
        case .tooManyRedirects(let limit): "more than \(limit) redirects"
        case .bodyTooLarge(let limit): "body larger than max_body (\(ByteSize.format(limit)))"
        case .headerTooLarge: "response header too large (a line over 100 KiB, or over 300 KiB in all)"
        case .tls(let message): "TLS error: \(message)"
        case .transfer(let code, let message): "transfer failed (curl \(code)): \(message)"
        case .cancelled: "cancelled"
        }
    }
}

/// Anything that performs HTTP GETs: libcurl in production, an in-memory fake in tests.
public protocol PageFetching: Sendable {
    func fetch(_ request: FetchRequest) async throws -> FetchResponse
}
