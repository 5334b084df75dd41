import CCurl

/// One libcurl share handle per cookie jar (a source id): transfers naming the same jar read and
/// write the same cookies, so a session cookie a list page sets is sent to its articles; no jar
/// sees another's cookies. The jars live as long as the fetcher.
///
/// Loop thread only: every transfer using a share runs on that thread, so the shares need no locks.
final class CookieJars {
    private var shares: [String: UnsafeMutableRawPointer] = [:]

    /// The share handle of `jar`, made on first use; nil when libcurl cannot make one.
    func share(for jar: String) -> UnsafeMutableRawPointer? {
        if let share = shares[jar] { return share }
        guard let share = curl_share_init() else { return nil }
        guard docwatch_share_setopt_long(share, CURLSHOPT_SHARE, Int(CURL_LOCK_DATA_COOKIE.rawValue)) == CURLSHE_OK else {
            curl_share_cleanup(share)
            return nil
        }
        shares[jar] = share
        return share
    }

    /// Frees every jar; call once no transfer uses them.
    func removeAll() {
        for share in shares.values { curl_share_cleanup(share) }
        shares = [:]
    }

    deinit {
        removeAll()
    }
}
