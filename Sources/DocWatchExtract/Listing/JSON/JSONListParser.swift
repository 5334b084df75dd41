import DocWatchCore
import Foundation

/// Reads the article links of a `kind = "json"` source: the items at `paths.items`, and in each
/// the link, title and date at the item paths. Links resolve against the answer's URL.
///
/// A path that finds nothing in the answer (or, for an item path, in every item) is an error
/// naming it; an item without a link is skipped, as is a title or date one item lacks.
enum JSONListParser {
    static func links(
        in text: String, paths: JSONItemPaths, base: URL, zone: TimeZone
    ) throws(ListingError) -> [DiscoveredLink] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw .malformedJSON(Self.reason(error))
        }
        let itemsPath = JSONPath(paths.items)
        guard let found = itemsPath.value(in: root) else { throw .jsonPathNotFound(path: paths.items, within: "the answer") }
        guard let items = found as? [Any] else { throw .jsonPathNotArray(path: paths.items, found: JSONPath.kind(of: found)) }
        guard !items.isEmpty else { return [] }
        let link = JSONPath(paths.link)
        let title = paths.title.map(JSONPath.init)
        let published = paths.published.map(JSONPath.init)
        var sawLink = false, sawTitle = false, sawDate = false
        var links: [DiscoveredLink] = []
        for item in items {
            let reference = link.text(in: item)
            let name = title.flatMap { $0.text(in: item) }
            let date = published.flatMap { $0.text(in: item) }
            sawLink = sawLink || reference != nil
            sawTitle = sawTitle || name != nil
            sawDate = sawDate || date != nil
            guard let reference, let url = LinkResolver.canonical(reference, against: base) else { continue }
            links.append(DiscoveredLink(
                url: url, title: name.flatMap(AnchorText.folded),
                published: date.map { ListingDate.iso8601($0, zone: zone) ?? $0 }))
        }
        let within = "any of the \(items.count) items at '\(paths.items)'"
        if !sawLink { throw .jsonPathNotFound(path: paths.link, within: within) }
        if let title, !sawTitle { throw .jsonPathNotFound(path: title.description, within: within) }
        if let published, !sawDate { throw .jsonPathNotFound(path: published.description, within: within) }
        return links.uniqued()
    }

    /// Foundation's reason without the `NSCocoaErrorDomain` wrapping, when it has one.
    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        return (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
    }
}
