import DocWatchCore
import Foundation

/// Reads one `[[source]]` table.
enum SourceParser {
    static func parse(_ input: TableReader) throws(ConfigError) -> Source {
        var reader = input
        let id = try reader.requiredString("id")
        guard !id.isEmpty, id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            throw reader.bad("id", "'\(id)' must match [a-z0-9-]+")
        }
        let url = try reader.requiredString("url")
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", components.host?.isEmpty == false
        else {
            throw reader.bad("url", "'\(url)' is not an absolute http(s) URL")
        }
        var source = Source(id: id, url: url)
        if let name = try reader.string("name") { source.name = name }
        if let kind = try reader.string("kind") {
            guard let parsed = SourceKind(rawValue: kind) else {
                throw reader.bad("kind", "'\(kind)' is not one of page, list, feed, sitemap")
            }
            source.kind = parsed
        }
        if let follow = try reader.string("follow"), !follow.isEmpty {
            do {
                _ = try NSRegularExpression(pattern: follow)
            } catch {
                throw reader.bad("follow", "'\(follow)' is not a valid regular expression")
            }
            source.follow = follow
        }
        source.interval = try reader.duration("interval", minimum: 1)
        if let charset = try reader.string("charset"), !charset.isEmpty { source.charset = charset }
        source.tags = try reader.strings("tags") ?? []
        if let pages = try reader.int("pages", range: 1...100) { source.pages = pages }
        source.recheck = try reader.duration("recheck", minimum: 1)
        source.maxNew = try reader.int("max_new", range: 1...100_000)
        try reader.rejectUnknownKeys()
        return source
    }
}
