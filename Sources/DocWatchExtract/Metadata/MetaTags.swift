import DocWatchCore
/// The `<meta>` tags of a page, by lower-cased `name`, `property`, `itemprop` or `http-equiv`.
struct MetaTags {
    private var values: [String: String] = [:]

    /// The tags of the page under `root`.
    init(root: HTMLNode) {
        self.init(metas: root.all("meta"))
    }

    /// The tags of `metas`, the page's `<meta>` elements in document order.
    init(metas: [HTMLNode]) {
        for meta in metas {
            guard let content = meta["content"]?.spaceFolded, !content.isEmpty, !Self.isMojibake(content) else { continue }
            for attribute in ["name", "property", "itemprop", "http-equiv"] {
                if let key = meta[attribute]?.lowercased(), values[key] == nil { values[key] = content }
            }
        }
    }

    /// Text decoded with the wrong charset upstream (`Ã±Å¸` …): mostly Latin-1 letters, no Han.
    static func isMojibake(_ text: String) -> Bool {
        var latin = 0
        var total = 0
        for scalar in text.unicodeScalars where !Whitespace.isSpace(scalar) {
            total += 1
            if Han.isIdeograph(scalar) { return false }
            if (0x80...0x24F).contains(scalar.value) { latin += 1 }
        }
        return total > 0 && latin * 3 >= total
    }

    /// The first non-empty value among `keys` (lower-case), in the order given.
    func first(_ keys: [String]) -> String? {
        for key in keys {
            if let value = values[key] { return value }
        }
        return nil
    }

    static let titleKeys = ["articletitle", "title", "og:title", "twitter:title"]
    static let publishedKeys = [
        "pubdate", "publishdate", "publish_date", "publishtime", "publish-time", "article:published_time",
        "og:release_date", "datepublished", "dc.date.issued", "dc.date", "firstpublishedtime", "weibo:article:create_at",
        "og:article:published_time", "article:published", "publication_date", "sailthru.date", "created",
    ]
    static let sourceKeys = ["contentsource", "source", "og:article:source", "article:source"]
    static let siteNameKeys = ["sitename", "og:site_name", "site_name", "application-name"]
    static let authorKeys = ["author", "article:author", "og:article:author", "dc.creator"]
}
