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
                let kinds = SourceKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw reader.bad("kind", "'\(kind)' is not one of \(kinds)")
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
        try readRecheck(&reader, into: &source)
        source.maxNew = try reader.int("max_new", range: 1...100_000)
        source.jsonPaths = try JSONPathsParser.parse(&reader, kind: source.kind)
        source.headers = try reader.headers("headers", reserved: RequestOptions.reservedHeaders) ?? [:]
        source.proxy = try reader.proxy("proxy")
        try reader.rejectUnknownKeys()
        return source
    }

    /// `recheck` (a duration, or `"off"`), `recheck_within` and `recheck_max`, each with its default.
    /// `recheck_within` defaults to 7 days, or twice `recheck` when that is longer, so an article is
    /// rechecked at least once; given both, the window must be the longer.
    private static func readRecheck(_ reader: inout TableReader, into source: inout Source) throws(ConfigError) {
        if try reader.string("recheck")?.lowercased() == "off" {
            source.recheck = nil
        } else {
            source.recheck = try reader.duration("recheck", minimum: 1) ?? Source.defaultRecheck
        }
        let every = source.recheck ?? Source.defaultRecheck
        if let within = try reader.duration("recheck_within", minimum: 1) {
            guard source.recheck == nil || within > every else {
                throw reader.bad("recheck_within", "'\(DurationText.format(within))' is not longer than recheck "
                                 + "('\(DurationText.format(every))'): no article would ever be rechecked")
            }
            source.recheckWithin = within
        } else {
            source.recheckWithin = max(Source.defaultRecheckWithin, 2 * every)
        }
        source.recheckMax = try reader.int("recheck_max", range: 1...10_000) ?? Source.defaultRecheckMax
    }
}

/// Reads `items`, `link`, `title` and `published` of a `kind = "json"` source.
enum JSONPathsParser {
    static let keys = ["items", "link", "title", "published"]

    /// The paths of a json source (`items` and `link` required); nil for other kinds, which may not
    /// give these keys.
    static func parse(_ reader: inout TableReader, kind: SourceKind) throws(ConfigError) -> JSONItemPaths? {
        var values: [String: String] = [:]
        for key in keys {
            guard let text = try reader.string(key) else { continue }
            guard kind == .json else {
                throw reader.bad(key, "only a kind = \"json\" source reads '\(key)' (this one is \"\(kind.rawValue)\")")
            }
            // `items = ""` names the answer itself, for endpoints that answer a bare array.
            if let problem = problem(text, emptyAllowed: key == "items") { throw reader.bad(key, "'\(text)' \(problem)") }
            values[key] = text
        }
        guard kind == .json else { return nil }
        for key in ["items", "link"] where values[key] == nil {
            throw reader.missing(key)
        }
        return JSONItemPaths(items: values["items"] ?? "", link: values["link"] ?? "", title: values["title"],
                             published: values["published"])
    }

    /// Why `path` is not a dotted path (`data.list`, `groupData.0.data.url`), or nil.
    private static func problem(_ path: String, emptyAllowed: Bool) -> String? {
        if path.isEmpty { return emptyAllowed ? nil : "is empty; give a dotted path like \"data.url\"" }
        let parts = path.split(separator: ".", omittingEmptySubsequences: false)
        if parts.contains(where: \.isEmpty) {
            return "has an empty part; write dotted names like \"data.list\" or \"groupData.0.data.url\""
        }
        if parts.contains(where: { $0.contains(where: \.isWhitespace) || $0.unicodeScalars.contains("\0") }) {
            return "has white space inside a part"
        }
        return nil
    }
}
