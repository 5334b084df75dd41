import DocWatchCore

/// A parsed RSS, Atom or JSON feed: its title and its entries in the order the feed lists them.
public struct Feed: Sendable, Equatable {
    /// The syntax the feed was written in.
    public enum Format: String, Sendable {
        case rss, rdf, atom, json
    }

    public var format: Format
    public var title: String?
    /// Entry link (absolute, canonical), title and `updated`/`published`/`pubDate`/`dc:date` as written.
    public var entries: [DiscoveredLink]

    /// A feed of `format` titled `title` with `entries`.
    public init(format: Format, title: String?, entries: [DiscoveredLink]) {
        self.format = format
        self.title = title
        self.entries = entries
    }
}

extension [DiscoveredLink] {
    /// The links in order with later repeats of a URL dropped.
    func uniqued() -> [DiscoveredLink] {
        var seen: Set<String> = []
        return filter { seen.insert($0.url).inserted }
    }
}
