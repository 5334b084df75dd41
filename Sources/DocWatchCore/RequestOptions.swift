/// What one source adds to every request made for it: its list, its articles and their attachments.
///
/// Travels on `FetchRequest`, so each fetch of the source carries it whichever part of the
/// pipeline starts the fetch.
public struct RequestOptions: Sendable, Equatable, Codable {
    /// Extra request headers (`Referer`, `Accept-Language` …), names as configured.
    public var headers: [String: String]
    /// A proxy URL overriding `[http] proxy`; `""` means a direct connection; nil takes `[http] proxy`.
    public var proxy: String?
    /// The cookie jar the request reads and writes: cookies a response sets are sent with later
    /// requests naming the same jar (for the fetcher's life). Nil: no cookies kept.
    public var cookieJar: String?

    public init(headers: [String: String] = [:], proxy: String? = nil, cookieJar: String? = nil) {
        self.headers = headers
        self.proxy = proxy
        self.cookieJar = cookieJar
    }

    /// Header names docwatch or libcurl set themselves (lower-cased): a source may not give them.
    /// Framing and connection headers would break the exchange; the validators belong to the
    /// conditional fetch; `Accept-Encoding` must match what libcurl can decode.
    public static let reservedHeaders: Set<String> = [
        "host", "content-length", "transfer-encoding", "connection", "keep-alive", "proxy-connection",
        "te", "trailer", "upgrade", "expect", "if-none-match", "if-modified-since", "accept-encoding",
    ]
}
