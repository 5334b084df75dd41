import DocWatchCore
import Foundation

/// The pager a TRS/WCM list page draws with a script: `createPageHTML(10, 0, "index", "html");`
/// (page count, current page from 0, name stem, extension), or the variant with a container id
/// first and the record count last (`createPageHTML('page_div', 10, 1, 'index', 'html', 150)`).
/// Page 0 is `index.html`, page n `index_n.html`.
enum ScriptPager {
    private static let call = Array("createPageHTML(".utf8)

    /// The next page's URL, `.some(nil)` on the last page, or nil when the page has no such pager.
    static func nextPage(in html: String, page: URL) -> String?? {
        var text = html
        guard let arguments = text.withUTF8({ bytes -> [Substring]? in
            guard let start = ByteSearch.find(call, in: bytes) else { return nil }
            let open = start + call.count
            guard let close = ByteSearch.find([UInt8(ascii: ")")], in: bytes, from: open), close - open < 300 else { return nil }
            let inside = String(decoding: UnsafeBufferPointer(rebasing: bytes[open..<close]), as: UTF8.self)
            return inside.split(separator: ",")
        }) else { return nil }
        let values = arguments.map { Whitespace.trim(String($0)) }
        guard let first = values.firstIndex(where: { Int($0) != nil }), first + 3 < values.count,
              let count = Int(values[first]), let current = Int(values[first + 1])
        else { return nil }
        let stem = unquoted(values[first + 2])
        let ext = unquoted(values[first + 3])
        guard !stem.isEmpty, !ext.isEmpty else { return nil }
        guard current + 1 < count else { return .some(nil) }
        return .some(LinkResolver.canonical("\(stem)_\(current + 1).\(ext)", against: page))
    }

    private static func unquoted(_ value: String) -> String {
        String(value.filter { $0 != "\"" && $0 != "'" })
    }
}
