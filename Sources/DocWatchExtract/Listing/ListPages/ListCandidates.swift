import Foundation

/// One anchor of a list page that may be an article link.
struct ListCandidate {
    let url: String
    let components: URLComponents
    let title: String?
    /// The date its list item prints, as ISO 8601.
    let date: String?
    /// Whether its list item prints a date, if only a month and day.
    let dated: Bool
    /// The list its item belongs to (the item's parent).
    let list: HTMLNode?
    /// Whether it came from a jpage record rather than the page's markup.
    let fromRecords: Bool
}

/// Collects the anchors of a page that are not furniture, the page itself, its other pages or pager links.
struct ListCandidates {
    private let base: URL
    private let pageKey: String?
    private let pagination: Pagination
    private let timeZone: TimeZone
    private var navigation = NavigationBlocks()
    private var dates: [ObjectIdentifier: (iso: String?, dated: Bool)] = [:]
    private(set) var candidates: [ListCandidate] = []

    init(page: URL, base: URL, timeZone: TimeZone) {
        self.base = base
        pageKey = LinkResolver.canonicalize(page)
        pagination = Pagination(listPage: page)
        self.timeZone = timeZone
    }

    mutating func collect(_ root: HTMLNode, fromRecords: Bool) {
        for anchor in root.all("a") {
            guard let href = anchor["href"], !navigation.contains(anchor) else { continue }
            let text = AnchorText.of(anchor)
            guard !Pagination.isPagerLabel(text), let url = LinkResolver.canonical(href, against: base) else { continue }
            guard url != pageKey, let parts = URLComponents(string: url), !pagination.isPage(parts) else { continue }
            let item = fromRecords ? recordItem(anchor) : ListItem.of(anchor)
            let printed = item.map { date(of: $0) }
            candidates.append(ListCandidate(
                url: url, components: parts, title: text, date: printed?.iso, dated: printed?.dated ?? false,
                list: item?.parent, fromRecords: fromRecords))
        }
    }

    /// A record's item is the `div` it was wrapped in, whatever its markup holds (`li`, table rows).
    private func recordItem(_ anchor: HTMLNode) -> HTMLNode? {
        var current = anchor.parent
        while let node = current, node.parent?.name != "body" { current = node.parent }
        return current
    }

    private mutating func date(of item: HTMLNode) -> (iso: String?, dated: Bool) {
        let key = ObjectIdentifier(item)
        if let known = dates[key] { return known }
        let printed = ListItem.date(of: item)
        let found = (printed.date?.iso8601(in: timeZone), printed.dated)
        dates[key] = found
        return found
    }
}
