import Foundation

/// The absolute http(s) URLs linked from the article body, in order, without repeats.
///
/// Resolved like discovered article links (`LinkResolver`: `<base href>`, sloppy hrefs repaired),
/// without the fragment.
enum BodyLinks {
    /// `page` (the page's URL) resolves relative links; without it only absolute links are kept.
    static func links(in node: HTMLNode, root: HTMLNode, page: String?) -> [String] {
        anchors(in: node, root: root, page: page).map(\.url)
    }

    /// Each distinct URL with the first anchor that links it.
    static func anchors(in node: HTMLNode, root: HTMLNode, page: String?) -> [(url: String, anchor: HTMLNode)] {
        let base = page.flatMap(LinkResolver.base).map { LinkDiscovery.documentBase(root, page: $0) }
        var seen = Set<String>()
        var out: [(url: String, anchor: HTMLNode)] = []
        for anchor in node.all("a") {
            guard let href = anchor["href"], let resolved = LinkResolver.resolve(href, against: base) else { continue }
            // Only the fragment goes: full canonicalisation (URLComponents) cost 5% of extraction here.
            let text = resolved.absoluteString
            let url = text.firstIndex(of: "#").map { String(text[..<$0]) } ?? text
            if seen.insert(url).inserted { out.append((url, anchor)) }
        }
        return out
    }
}
