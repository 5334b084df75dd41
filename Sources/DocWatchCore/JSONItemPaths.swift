/// Where a `kind = "json"` source's answer keeps its items and, inside each item, the fields.
///
/// Paths are dotted (`data.searchResult.dataResults`); a part made of digits indexes an array
/// (`groupData.0.data.url`).
public struct JSONItemPaths: Sendable, Equatable, Codable {
    /// From the document root to the array of items.
    public var items: String
    /// Inside one item: the article URL (relative URLs resolve against the source's URL).
    public var link: String
    /// Inside one item: the title, if the answer carries one.
    public var title: String?
    /// Inside one item: epoch seconds or milliseconds, or a date text.
    public var published: String?

    public init(items: String, link: String, title: String? = nil, published: String? = nil) {
        self.items = items
        self.link = link
        self.title = title
        self.published = published
    }
}
