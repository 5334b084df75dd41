import Foundation

/// The fields docwatch reads from a page's JSON-LD (`application/ld+json`) blocks.
struct JSONLinkedData {
    var headline: String?
    var datePublished: String?
    var authors: [String] = []
    var publisher: String?

    /// Finds the blocks in the raw HTML (the DOM drops scripts) and reads the first article-like one.
    init(html: String) {
        var searchStart = html.startIndex
        while let marker = html.range(of: "application/ld+json", range: searchStart..<html.endIndex),
              let open = html.range(of: ">", range: marker.upperBound..<html.endIndex),
              let close = html.range(of: "</script", options: .caseInsensitive, range: open.upperBound..<html.endIndex) {
            searchStart = close.upperBound
            let json = Data(html[open.upperBound..<close.lowerBound].utf8)
            guard let parsed = try? JSONSerialization.jsonObject(with: json) else { continue }
            let objects = (parsed as? [Any] ?? [parsed]).compactMap { $0 as? [String: Any] }
            for object in objects.flatMap({ [$0] + (($0["@graph"] as? [[String: Any]]) ?? []) }) {
                read(object)
            }
        }
    }

    private mutating func read(_ object: [String: Any]) {
        if headline == nil, let value = object["headline"] as? String { headline = value.spaceFolded }
        if datePublished == nil, let value = object["datePublished"] as? String { datePublished = value }
        if authors.isEmpty { authors = Self.names(object["author"]) }
        if publisher == nil, let name = Self.names(object["publisher"]).first { publisher = name }
    }

    private static func names(_ value: Any?) -> [String] {
        if let text = value as? String { return [text.spaceFolded].filter { !$0.isEmpty } }
        if let object = value as? [String: Any] { return names(object["name"]) }
        if let list = value as? [Any] { return list.flatMap { names($0) } }
        return []
    }
}
