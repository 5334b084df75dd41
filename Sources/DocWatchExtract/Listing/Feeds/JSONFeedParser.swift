import DocWatchCore
import Foundation

/// Reads JSON Feed 1.0 and 1.1 documents (`{"version": "https://jsonfeed.org/version/1.1", "items": [...]}`).
enum JSONFeedParser {
    private struct Document: Decodable {
        var title: String?
        var feedURL: String?
        var items: [Item]?

        enum CodingKeys: String, CodingKey {
            case title, items
            case feedURL = "feed_url"
        }
    }

    private struct Item: Decodable {
        var id: String?
        var url: String?
        var externalURL: String?
        var title: String?
        var modified: String?
        var published: String?

        enum CodingKeys: String, CodingKey {
            case id, url, title
            case externalURL = "external_url"
            case modified = "date_modified"
            case published = "date_published"
        }
    }

    /// Whether the first byte past white space and a BOM opens a JSON object.
    static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        TextScan.firstVisibleByte(bytes) == UInt8(ascii: "{")
    }

    static func parse(_ bytes: [UInt8], feedURL: String?) throws(ListingError) -> Feed {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(bytes))
        } catch {
            throw .malformedJSONFeed(String(describing: error))
        }
        guard let items = document.items else { throw .malformedJSONFeed("no \"items\" array") }
        let base = (feedURL ?? document.feedURL).flatMap(LinkResolver.base)
        let entries = items.compactMap { item -> DiscoveredLink? in
            let reference = item.url ?? item.externalURL ?? item.id.flatMap { $0.lowercased().hasPrefix("http") ? $0 : nil }
            guard let reference, let url = LinkResolver.canonical(reference, against: base) else { return nil }
            return DiscoveredLink(
                url: url, title: item.title.flatMap(AnchorText.folded),
                updated: item.modified ?? item.published
            )
        }
        return Feed(format: .json, title: document.title, entries: entries.uniqued())
    }
}
