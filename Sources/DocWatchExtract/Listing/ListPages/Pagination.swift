import Foundation

/// The pages of one list: `index.html`, `index_1.html`, `index_2.html` … in one directory, the
/// scheme of the TRS/WCM systems most Chinese government sites run on, and the labels of pager links.
struct Pagination {
    private let host: String?
    private let directory: String
    private let stem: String

    init(listPage: URL) {
        host = listPage.host?.lowercased()
        directory = LinkFilter.directory(of: listPage)
        let name = Self.lastSegment(of: listPage)
        stem = Self.split(name)?.stem ?? (name.isEmpty ? "index" : name)
    }

    /// Whether `url` is another page of this list (`index.html`, `index_3.html` or the directory itself).
    func isPage(_ components: URLComponents) -> Bool {
        guard components.host?.lowercased() == host else { return false }
        let path = components.percentEncodedPath
        guard path.hasPrefix(directory) else { return false }
        let name = String(path.dropFirst(directory.count))
        return name.isEmpty || Self.split(name)?.stem == stem  // the directory itself serves the first page
    }

    /// `name` as `stem[_number].extension`: `index_3.html` → ("index", 3, "html").
    static func split(_ name: String) -> (stem: String, number: Int?, ext: String)? {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = String(name[name.index(after: dot)...])
        let base = name[..<dot]
        guard !ext.isEmpty, !base.contains("/"), ext.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        if let underscore = base.lastIndex(of: "_"), let number = Int(base[base.index(after: underscore)...]) {
            return (String(base[..<underscore]), number, ext)
        }
        return (String(base), nil, ext)
    }

    static func lastSegment(of url: URL) -> String {
        let path = URLComponents(url: url, resolvingAgainstBaseURL: true)?.percentEncodedPath ?? ""
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// The page after `page` in the `index_N.html` scheme: `index.html` → `index_1.html`,
    /// `index_4.shtml` → `index_5.shtml`, a directory → its `index_1.html`; `nil` for other names.
    static func guessNext(after page: URL) -> URL? {
        let name = lastSegment(of: page)
        let next: String
        if name.isEmpty {
            next = "index_1.html"
        } else if let parts = split(name), parts.stem == "index" {
            next = "index_\((parts.number ?? 0) + 1).\(parts.ext)"
        } else {
            return nil
        }
        return URL(string: next, relativeTo: page)?.absoluteURL
    }

    /// Brackets and arrows stripped around a pager label: `[下一页]`, `下一页>>`, `« prev`.
    private static let decoration: Set<Character> = Set("<>‹›«»＜＞[]【】()（）|")

    private static func core(_ label: String) -> (compact: String, core: String) {
        let compact = String(label.lowercased().filter { !$0.isWhitespace })
        let core = compact.drop { decoration.contains($0) }.reversed().drop { decoration.contains($0) }.reversed()
        return (compact, String(core))
    }

    static let nextWords: Set<String> = ["下一页", "下页", "下一頁", "下頁", "后一页", "後一頁", "next", "nextpage"]
    static let nextArrows: Set<String> = [">", "›", "»", "＞"]
    static let pagerWords: Set<String> = nextWords.union([
        "上一页", "上页", "上一頁", "上頁", "前一页", "前一頁", "首页", "首頁", "尾页", "尾頁", "末页", "末頁",
        "最后一页", "最後一頁", "第一页", "第一頁", "prev", "previous", "prevpage", "first", "last", "go", "跳转", "跳轉",
        "更多", "查看更多", "更多内容", "more",
    ])

    /// Whether `label` names the next page: 下一页, 下页, next, `>` and their decorated forms.
    /// Bare arrows count only when `arrows` is set: as plain text, `>` is a breadcrumb separator.
    static func isNextLabel(_ label: String?, arrows: Bool = true) -> Bool {
        guard let label, label.utf8.count <= 40 else { return false }
        let (compact, core) = core(label)
        return nextWords.contains(core) || (arrows && core.isEmpty && nextArrows.contains(compact))
    }

    /// Whether `label` is a pager link (a page number, first/previous/next/last, an arrow) or a
    /// "more" link to another list: never an article's title.
    static func isPagerLabel(_ label: String?) -> Bool {
        guard let label, label.utf8.count <= 40 else { return false }
        let (_, core) = core(label)
        return core.isEmpty || pagerWords.contains(core) || core.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
