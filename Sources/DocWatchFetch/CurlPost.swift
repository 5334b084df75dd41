import CCurl
import Foundation

/// One HTTP POST through libcurl, for push notifications: the body as given, no redirects followed,
/// TLS verified, http and https only. The answer's body is read and dropped.
public enum CurlPost {
    /// What one POST came to.
    public enum Outcome: Sendable, Equatable {
        /// The server answered with this status (any status, 2xx or not).
        case answered(status: Int)
        /// No answer: connection, TLS or timeout failure, with libcurl's message.
        case failed(String)
    }

    /// Sends `body` to `url` with `headers` (`Name: value` each), giving up after `timeout` seconds.
    /// Blocks a thread of its own, never the caller's executor.
    public static func send(
        url: String, body: String, headers: [String], timeout: TimeInterval, userAgent: String, proxy: String = ""
    ) async -> Outcome {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: perform(url: url, body: body, headers: headers, timeout: timeout,
                                                       userAgent: userAgent, proxy: proxy))
            }
            thread.name = "docwatch-post"
            thread.start()
        }
    }

    private static func perform(
        url: String, body: String, headers: [String], timeout: TimeInterval, userAgent: String, proxy: String
    ) -> Outcome {
        guard CurlGlobal.ensureInitialised(), let handle = curl_easy_init() else { return .failed("cannot start libcurl") }
        defer { curl_easy_cleanup(handle) }
        var list: UnsafeMutablePointer<curl_slist>?
        for header in headers { list = curl_slist_append(list, header) }
        defer { curl_slist_free_all(list) }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        defer { errorBuffer.deallocate() }
        let milliseconds = max(1, Int(timeout * 1000))
        let setup: [CURLcode] = [
            docwatch_easy_setopt_string(handle, CURLOPT_URL, url),
            docwatch_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer),
            docwatch_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            docwatch_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"),
            docwatch_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0),
            docwatch_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1),
            docwatch_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2),
            docwatch_easy_setopt_string(handle, CURLOPT_USERAGENT, userAgent),
            docwatch_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, milliseconds),
            docwatch_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, milliseconds),
            docwatch_easy_setopt_long(handle, CURLOPT_POST, 1),
            docwatch_easy_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.utf8.count)),
            docwatch_easy_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, body),
            docwatch_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, list),
            docwatch_easy_setopt_callback(handle, CURLOPT_WRITEFUNCTION, discardBodyCallback),
        ] + (proxy.isEmpty ? [] : [docwatch_easy_setopt_string(handle, CURLOPT_PROXY, proxy)])
        if let bad = setup.first(where: { $0 != CURLE_OK }) {
            return .failed("cannot set up the request: \(String(cString: curl_easy_strerror(bad)))")
        }
        let code = curl_easy_perform(handle)
        guard code == CURLE_OK else {
            let detail = String(cString: errorBuffer)
            return .failed(detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail)
        }
        var status = 0
        _ = docwatch_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return .answered(status: status)
    }
}

/// libcurl's write callback for a POST: takes every byte of the answer and keeps none.
private let discardBodyCallback: docwatch_curl_data_callback = { _, size, count, _ in size * count }
