import CCurl
import DocWatchCore

/// Checks a URL before a transfer with libcurl's own URL parser, so the verdict matches what the
/// transfer would do.
enum CurlURL {
    /// The lower-cased host of an http or https URL, the key the host gate counts.
    static func host(of text: String) throws(FetchError) -> String {
        guard let handle = curl_url() else { throw .invalidURL(text) }
        defer { curl_url_cleanup(handle) }
        // Accept any scheme here, so a scheme we refuse is reported as refused, not as malformed.
        guard curl_url_set(handle, CURLUPART_URL, text, UInt32(CURLU_NON_SUPPORT_SCHEME)) == CURLUE_OK,
              let scheme = part(CURLUPART_SCHEME, of: handle)?.lowercased()
        else { throw .invalidURL(text) }
        guard scheme == "http" || scheme == "https" else { throw .protocolNotAllowed(text) }
        guard let host = part(CURLUPART_HOST, of: handle), !host.isEmpty else { throw .invalidURL(text) }
        return host.lowercased()
    }

    private static func part(_ part: CURLUPart, of handle: OpaquePointer) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard curl_url_get(handle, part, &value, 0) == CURLUE_OK, let value else { return nil }
        defer { curl_free(value) }
        return String(cString: value)
    }
}
