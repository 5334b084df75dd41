import Foundation

/// The absolute http(s) URLs linked from the article body, in order, without repeats.
enum BodyLinks {
    /// `base` resolves relative links; without one only absolute links are kept.
    static func links(in node: HTMLNode, base: String?) -> [String] {
        let baseURL = base.flatMap { URL(string: $0) }
        var seen = Set<String>()
        var out: [String] = []
        for anchor in node.all("a") {
            guard let href = anchor["href"]?.trimmed, !href.isEmpty, !href.hasPrefix("#"),
                  let url = URL(string: href, relativeTo: baseURL)?.absoluteURL,
                  let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else { continue }
            let text = url.absoluteString
            if seen.insert(text).inserted { out.append(text) }
        }
        return out
    }
}
