import CCurl

/// `curl_global_init`, run once per process before the first handle is made.
enum CurlGlobal {
    /// Swift runs a static initialiser exactly once, thread-safely.
    private static let initialised: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK

    /// Initialises libcurl if that has not happened yet; false when libcurl could not start.
    @discardableResult
    static func ensureInitialised() -> Bool { initialised }
}
