import DocWatchCore
import Foundation

/// Reads the entries of RSS 0.9x, RSS 1.0 (RDF), RSS 2.0, Atom and JSON Feed documents.
///
/// Each entry yields its link (Atom: `rel="alternate"` or no `rel`; else a permalink `guid` or an
/// Atom `id` that is a URL), resolved against `xml:base` and the feed URL and canonicalised; its
/// title with any markup stripped; and its date as written, the first of `updated`, `modified`,
/// `pubDate`, `dc:date`, `published`. Entries without a usable link are skipped.
public enum FeedParser {
    /// The feed in `bytes`, decoded as its XML declaration says (GBK and Big5 included).
    public static func parse(_ bytes: [UInt8], feedURL: String? = nil) throws(ListingError) -> Feed {
        try read(ListingBytes(bytes: bytes), feedURL: feedURL)
    }

    /// The feed in `body`, decoded as `ListingBytes` says (the source's charset, the Content-Type, the declaration).
    static func read(_ body: ListingBytes, feedURL: String?) throws(ListingError) -> Feed {
        if JSONFeedParser.looksLikeJSON(body.bytes) { return try JSONFeedParser.parse(Array(body.text().utf8), feedURL: feedURL) }
        return try feed(from: body.xmlRoot(url: feedURL))
    }

    /// The feed in `text`, already decoded to a string (its XML declaration's encoding is ignored).
    public static func parse(text: String, feedURL: String? = nil) throws(ListingError) -> Feed {
        let bytes = Array(text.utf8)
        if JSONFeedParser.looksLikeJSON(bytes) { return try JSONFeedParser.parse(bytes, feedURL: feedURL) }
        return try feed(from: XMLTree.parse(text: text, url: feedURL))
    }

    static func feed(from root: XMLTreeElement) throws(ListingError) -> Feed {
        switch root.name {
        case "rss":
            let channel = root.child("channel")
            let items = (channel?.children("item") ?? []) + root.children("item")
            return Feed(format: .rss, title: channel?.child("title").flatMap(title), entries: entries(items, rssEntry))
        case "RDF":
            let channel = root.child("channel")
            let items = root.children("item") + (channel?.children("item") ?? [])
            return Feed(format: .rdf, title: channel?.child("title").flatMap(title), entries: entries(items, rssEntry))
        case "feed":
            let atomEntries = entries(root.children("entry"), atomEntry)
            return Feed(format: .atom, title: root.child("title").flatMap(title), entries: atomEntries)
        default:
            throw .unexpectedDocument(expected: "an RSS or Atom feed", root: root.name)
        }
    }

    private static func entries(_ items: [XMLTreeElement], _ read: (XMLTreeElement) -> DiscoveredLink?) -> [DiscoveredLink] {
        items.compactMap(read).uniqued()
    }

    /// Element names that date an entry, the one that moves on edits first.
    static let dateNames = ["updated", "modified", "pubDate", "date", "published", "issued", "created"]

    private static func date(_ item: XMLTreeElement) -> String? {
        for name in dateNames {
            if let text = item.child(name)?.trimmedText { return text }
        }
        return nil
    }

    private static func rssEntry(_ item: XMLTreeElement) -> DiscoveredLink? {
        var url: String?
        for link in item.children("link") {
            if let text = link.trimmedText {
                url = LinkResolver.canonical(text, against: link.base)
            } else if let href = link.attributes["href"], isAlternate(link) {
                url = LinkResolver.canonical(href, against: link.base)
            }
            if url != nil { break }
        }
        if url == nil, let guid = item.child("guid"), guid.attributes["isPermaLink"] != "false",
           let text = guid.trimmedText {
            url = LinkResolver.canonical(text, against: guid.base)
        }
        if url == nil, let about = item.attributes["about"] {
            url = LinkResolver.canonical(about, against: item.base)
        }
        guard let url else { return nil }
        return DiscoveredLink(url: url, title: item.child("title").flatMap(title), updated: date(item))
    }

    private static func atomEntry(_ entry: XMLTreeElement) -> DiscoveredLink? {
        var url: String?
        for link in entry.children("link") where isAlternate(link) {
            if let href = link.attributes["href"], let resolved = LinkResolver.canonical(href, against: link.base) {
                url = resolved
                break
            }
        }
        if url == nil, let id = entry.child("id"), let text = id.trimmedText, text.lowercased().hasPrefix("http") {
            url = LinkResolver.canonical(text, against: id.base)
        }
        guard let url else { return nil }
        return DiscoveredLink(url: url, title: entry.child("title").flatMap(title), updated: date(entry))
    }

    private static func isAlternate(_ link: XMLTreeElement) -> Bool {
        guard let rel = link.attributes["rel"].map({ Whitespace.trim($0) })?.lowercased(), !rel.isEmpty else {
            return true
        }
        return rel == "alternate"
    }

    /// The text of a title element, markup stripped (Atom `type="html"`, escaped tags in RSS), white space folded.
    static func title(_ element: XMLTreeElement) -> String? {
        guard let text = element.trimmedText else { return nil }
        let markup = TextScan.contains(text, ascii: "<") || TextScan.contains(text, ascii: "&")
        if markup || element.attributes["type"] == "html" {
            return AnchorText.folded(HTMLParser.parse(text).textContent)
        }
        return AnchorText.folded(text)
    }
}
