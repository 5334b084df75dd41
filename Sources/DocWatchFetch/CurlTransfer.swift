import CCurl
import DocWatchCore
import Foundation

/// One easy handle configured for one job, with the buffers its callbacks fill; in `deinit` the handle
/// goes back to its pool and the rest is freed.
///
/// Lives on the loop thread only: libcurl calls the callbacks from inside `curl_multi_perform`.
final class CurlTransfer {
    let job: FetchJob
    let handle: UnsafeMutableRawPointer
    private let handles: EasyHandlePool
    private let usesCookies: Bool
    /// Set when libcurl reported the transfer done: its handle may then serve another.
    var finished = false
    private let limits: HTTPSettings
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var requestHeaders: UnsafeMutablePointer<curl_slist>?
    private var body: [UInt8] = []
    /// Room for a typical response's headers from the start, so the first dozen cost no regrowth.
    private var headers = [String: String](minimumCapacity: 16)
    private var status = 0
    /// Between a status line and the blank line that ends its header block.
    private var inHeaders = false
    /// Set when the body (or its announced length) passed `maxBody`: the abort is ours, not the network's.
    private var exceededMaxBody = false

    /// Takes an easy handle from `handles` and configures it; throws when libcurl refuses a setting.
    /// `cookies` is the share handle of the request's cookie jar, if it names one; `noProxy` the hosts
    /// that skip a proxy (`NoProxy.list`).
    init(job: FetchJob, settings: HTTPSettings, userAgent: String, noProxy: String, cookies: UnsafeMutableRawPointer? = nil,
         handles: EasyHandlePool) throws(FetchError) {
        guard let handle = handles.take() else { throw .transfer(code: -1, message: "curl_easy_init failed") }
        self.job = job
        self.handle = handle
        self.handles = handles
        usesCookies = cookies != nil
        self.limits = settings
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        try configure(userAgent: userAgent, noProxy: noProxy, cookies: cookies)
    }

    deinit {
        // Reset (or freed) first: the handle points at the header list and the error buffer.
        handles.giveBack(handle, finished: finished, usedCookies: usesCookies)
        curl_slist_free_all(requestHeaders)
        errorBuffer.deallocate()
    }

    private func configure(userAgent: String, noProxy: String, cookies: UnsafeMutableRawPointer?) throws(FetchError) {
        let request = job.request
        let me = Unmanaged.passUnretained(self).toOpaque()
        try check(docwatch_easy_setopt_string(handle, CURLOPT_URL, request.url))
        try check(docwatch_easy_setopt_pointer(handle, CURLOPT_PRIVATE, me))
        try check(docwatch_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        try check(docwatch_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        try check(docwatch_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"))
        try check(docwatch_easy_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"))
        try check(docwatch_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1))
        try check(docwatch_easy_setopt_long(handle, CURLOPT_MAXREDIRS, max(0, limits.maxRedirects)))
        try check(docwatch_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1))
        try check(docwatch_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2))
        try check(docwatch_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""))
        try check(docwatch_easy_setopt_string(handle, CURLOPT_USERAGENT, userAgent))
        // The source's proxy wins over [http]'s. An empty one (direct) also stops libcurl from reading
        // proxy variables from the environment; the no-proxy list, read once, stops it reading `no_proxy`.
        let proxy = request.options.proxy ?? limits.proxy
        try check(docwatch_easy_setopt_string(handle, CURLOPT_PROXY, proxy))
        try check(docwatch_easy_setopt_string(handle, CURLOPT_NOPROXY, NoProxy.option(proxy: proxy, list: noProxy)))
        if let cookies {
            // "" turns the cookie engine on without reading a file; the share holds the jar.
            try check(docwatch_easy_setopt_string(handle, CURLOPT_COOKIEFILE, ""))
            try check(docwatch_easy_setopt_pointer(handle, CURLOPT_SHARE, cookies))
        }
        try check(docwatch_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(limits.timeout)))
        try check(docwatch_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(limits.connectTimeout)))
        try check(docwatch_easy_setopt_callback(handle, CURLOPT_WRITEFUNCTION, receiveBodyCallback))
        try check(docwatch_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, me))
        try check(docwatch_easy_setopt_callback(handle, CURLOPT_HEADERFUNCTION, receiveHeaderCallback))
        try check(docwatch_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, me))
        var lines = request.options.headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        if let etag = request.etag, !etag.isEmpty { lines.append("If-None-Match: \(etag)") }
        if let lastModified = request.lastModified, !lastModified.isEmpty {
            lines.append("If-Modified-Since: \(lastModified)")
        }
        for line in lines { requestHeaders = curl_slist_append(requestHeaders, line) }
        if let requestHeaders { try check(docwatch_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, requestHeaders)) }
    }

    private func check(_ code: CURLcode) throws(FetchError) {
        guard code == CURLE_OK else {
            throw .transfer(code: Int(code.rawValue), message: String(cString: curl_easy_strerror(code)))
        }
    }

    private static func milliseconds(_ seconds: TimeInterval) -> Int {
        seconds > 0 ? Int((seconds * 1000).rounded(.up)) : 0
    }

    /// Appends decoded body bytes; false (abort) once they pass `maxBody`.
    fileprivate func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard body.count + bytes.count <= limits.maxBody else {
            exceededMaxBody = true
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    /// Takes one header line; a status line starts a new response (after a redirect), so earlier
    /// headers and body bytes are dropped. False (abort) when Content-Length announces a body past `maxBody`.
    fileprivate func receiveHeader(_ bytes: UnsafeRawBufferPointer) -> Bool {
        switch HeaderLine(bytes) {
        case .status(let code):
            inHeaders = true
            headers.removeAll(keepingCapacity: true)
            body.removeAll(keepingCapacity: true)
            status = code
            return true
        case .end:
            inHeaders = false
            return true
        case .other:
            return true
        case .field(let name, let value):
            headers[name] = value
            guard name == "content-length", Self.hasBody(status: status), let length = Int(value) else { return true }
            guard length <= limits.maxBody else {
                exceededMaxBody = true
                return false
            }
            body.reserveCapacity(length)
            return true
        }
    }

    /// Whether a response with this status carries the page (not a redirect, 304 or interim response).
    private static func hasBody(status: Int) -> Bool {
        !(100..<200).contains(status) && !(300..<400).contains(status)
    }

    /// The response, or the error, once libcurl reports the transfer done with `code`.
    func outcome(_ code: CURLcode) -> Result<FetchResponse, FetchError> {
        if exceededMaxBody { return .failure(.bodyTooLarge(limit: limits.maxBody)) }
        guard code == CURLE_OK else {
            return .failure(CurlErrorMapping.error(for: code, message: errorMessage(code), context: errorContext()))
        }
        var responseCode = 0
        _ = docwatch_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &responseCode)
        var totalMicros: curl_off_t = 0
        _ = docwatch_easy_getinfo_off(handle, CURLINFO_TOTAL_TIME_T, &totalMicros)
        return .success(FetchResponse(
            status: responseCode, url: effectiveURL(),
            headers: headers, body: body, elapsed: TimeInterval(totalMicros) / 1_000_000
        ))
    }

    /// The URL after redirects: the request's own (no new String) when libcurl went nowhere else.
    private func effectiveURL() -> String {
        var value: UnsafeMutablePointer<CChar>?
        guard docwatch_easy_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &value) == CURLE_OK, let value else {
            return job.request.url
        }
        let effective = UnsafeRawBufferPointer(start: value, count: strlen(value))
        let asRequested = job.request.url.utf8.withContiguousStorageIfAvailable { effective.elementsEqual($0) } ?? false
        return asRequested ? job.request.url : String(cString: value)
    }

    private func errorMessage(_ code: CURLcode) -> String {
        let detail = String(cString: errorBuffer)
        return detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
    }

    private func errorContext() -> CurlErrorMapping.Context {
        var connectMicros: curl_off_t = 0
        _ = docwatch_easy_getinfo_off(handle, CURLINFO_CONNECT_TIME_T, &connectMicros)
        return CurlErrorMapping.Context(
            url: info(CURLINFO_REDIRECT_URL) ?? info(CURLINFO_EFFECTIVE_URL) ?? job.request.url,
            connected: connectMicros > 0, settings: limits, inHeaders: inHeaders
        )
    }

    private func info(_ item: CURLINFO) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard docwatch_easy_getinfo_string(handle, item, &value) == CURLE_OK, let value else { return nil }
        return String(cString: value)
    }
}

/// libcurl's write callback: decoded body bytes for the transfer in `userdata`.
private let receiveBodyCallback: docwatch_curl_data_callback = { data, size, count, userdata in
    deliver(data, size * count, to: userdata) { $0.receiveBody($1) }
}

/// libcurl's header callback: one header line (status lines included) for the transfer in `userdata`.
private let receiveHeaderCallback: docwatch_curl_data_callback = { data, size, count, userdata in
    deliver(data, size * count, to: userdata) { $0.receiveHeader($1) }
}

/// Hands a callback's bytes to the transfer; returns what libcurl expects: the length taken, 0 to abort.
private func deliver(
    _ data: UnsafeMutablePointer<CChar>?, _ length: Int, to userdata: UnsafeMutableRawPointer?,
    _ receive: (CurlTransfer, UnsafeRawBufferPointer) -> Bool
) -> Int {
    guard let userdata else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
    return receive(transfer, UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}
