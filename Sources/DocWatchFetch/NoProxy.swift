/// The hosts that skip a configured proxy. libcurl reads `no_proxy` (else `NO_PROXY`) from the
/// environment on every transfer unless `CURLOPT_NOPROXY` is set; the fetcher reads them once, at its
/// start, and sets that option on each transfer, with the same result.
enum NoProxy {
    /// The list as libcurl would take it from `environment`: `no_proxy`, else `NO_PROXY`; an empty
    /// variable counts as unset; "" when neither is set (no host skips the proxy).
    static func list(in environment: [String: String]) -> String {
        [environment["no_proxy"], environment["NO_PROXY"]].lazy.compactMap { $0 }.first { !$0.isEmpty } ?? ""
    }

    /// The `CURLOPT_NOPROXY` of a transfer through `proxy`: `list`, or "" for a direct one ("" proxy),
    /// where no list changes anything.
    static func option(proxy: String, list: String) -> String {
        proxy.isEmpty ? "" : list
    }
}
