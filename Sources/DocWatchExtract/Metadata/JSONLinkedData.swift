import Foundation

/// The fields docwatch reads from a page's JSON-LD (`application/ld+json`) blocks.
struct JSONLinkedData {
    var datePublished: String?
    var authors: [String] = []
    var publisher: String?

    /// Finds the blocks in the raw HTML (the DOM drops scripts) and reads the first article-like one.
    init(html: String) {
        var copy = html
        let blocks: [[UInt8]] = copy.withUTF8 { bytes in
            var found: [[UInt8]] = []
            var cursor = 0
            // "+json" first: `+` is rare in markup, so memchr skips far; then the "ld" before it.
            while let plus = ByteSearch.find(Self.marker, in: bytes, from: cursor) {
                cursor = plus + Self.marker.count
                guard plus >= 2, bytes[plus - 2] == UInt8(ascii: "l"), bytes[plus - 1] == UInt8(ascii: "d") else { continue }
                let marker = plus
                guard let open = ByteSearch.find([UInt8(ascii: ">")], in: bytes, from: marker),
                      let close = ByteSearch.find(Self.scriptEnd, in: bytes, from: open) else { break }
                found.append(Array(bytes[(open + 1)..<close]))
                cursor = close
            }
            return found
        }
        for block in blocks {
            guard let parsed = try? JSONSerialization.jsonObject(with: Data(block)) else { continue }
            let objects = (parsed as? [Any] ?? [parsed]).compactMap { $0 as? [String: Any] }
            for object in objects.flatMap({ [$0] + (($0["@graph"] as? [[String: Any]]) ?? []) }) {
                read(object)
            }
        }
    }

    private static let marker = Array("+json".utf8)
    private static let scriptEnd = Array("</script".utf8)

    private mutating func read(_ object: [String: Any]) {
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
