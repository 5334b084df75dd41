/// Hiding the password of a URL's `user:password@` part in what docwatch prints (proxies, database URLs).
public enum URLPassword {
    /// `url` with the password between the user's `:` and the `@` replaced by `mask`; a URL without a
    /// password comes back unchanged. The authority ends at the first `/`, `?` or `#`.
    public static func redacted(_ url: String, mask: String) -> String {
        guard let start = url.range(of: "://")?.upperBound else { return url }
        let authorityEnd = url[start...].firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? url.endIndex
        guard let at = url[start..<authorityEnd].lastIndex(of: "@"),
              let colon = url[start..<at].firstIndex(of: ":") else { return url }
        return String(url[...colon]) + mask + String(url[at...])
    }
}
