import Foundation

/// The absolute http(s) URLs linked from the article body, in order, without repeats.
///
/// Resolved like discovered article links (`LinkResolver`: `<base href>`, sloppy hrefs repaired,
/// canonical form), so the same target is spelled the same way wherever docwatch meets it.
enum BodyLinks {
    /// `page` (the page's URL) resolves relative links; without it only absolute links are kept.
    static func links(in node: HTMLNode, root: HTMLNode, page: String?) -> [String] {
        let base = page.flatMap(LinkResolver.base).map { LinkDiscovery.documentBase(root, page: $0) }
        var seen = Set<String>()
        var out: [String] = []
        for anchor in node.all("a") {
            guard let href = anchor["href"], let url = LinkResolver.canonical(href, against: base) else { continue }
            if seen.insert(url).inserted { out.append(url) }
        }
        return out
    }
}
