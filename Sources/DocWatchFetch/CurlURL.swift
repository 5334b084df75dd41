import CCurl

/// The parts of a URL the fetcher checks before a transfer, parsed by libcurl's own URL parser so
/// the verdict matches what the transfer would do.
struct CurlURL: Equatable, Sendable {
    /// Lower-cased scheme, e.g. `https`.
    let scheme: String
    /// Lower-cased host name (IDN hosts as given), the key the host gate counts.
    let host: String

    /// Parses `text`; nil when libcurl cannot make a URL with a host of it.
    init?(_ text: String) {
        guard let handle = curl_url() else { return nil }
        defer { curl_url_cleanup(handle) }
        let flags = UInt32(CURLU_NON_SUPPORT_SCHEME)
        guard curl_url_set(handle, CURLUPART_URL, text, flags) == CURLUE_OK,
              let scheme = Self.part(CURLUPART_SCHEME, of: handle),
              let host = Self.part(CURLUPART_HOST, of: handle), !host.isEmpty
        else { return nil }
        self.scheme = scheme.lowercased()
        self.host = host.lowercased()
    }

    /// Whether the fetcher may fetch it at all.
    var isHTTP: Bool { scheme == "http" || scheme == "https" }

    private static func part(_ part: CURLUPart, of handle: OpaquePointer) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard curl_url_get(handle, part, &value, 0) == CURLUE_OK, let value else { return nil }
        defer { curl_free(value) }
        return String(cString: value)
    }
}
