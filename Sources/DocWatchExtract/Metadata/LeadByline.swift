import DocWatchCore

/// The reporters a news article names where its text begins: the dateline
/// `据新华社拉萨电（记者 格桑边觉）…`, `本报北京8月6日讯（记者 张三 通讯员 李四）…`, and the lead
/// `本报记者罗科苏盈发自北京 …`, `河南商报记者马俊峰/文 …`. The line stays in the text.
enum LeadByline {
    /// How far into a line a byline label may start (`河南商报记者`, `□ 本报记者`).
    private static let labelReach = 16

    /// The authors the start of `line` names, or none.
    static func authors(in line: String) -> [String] {
        let scalars = Array(line.unicodeScalars.prefix(80))
        if let names = dateline(scalars), !names.isEmpty { return names }
        // The lead up to the first comma or full stop: `本报记者罗科苏盈发自北京 日前`.
        let end = scalars.firstIndex(where: { "，。,；;！？".unicodeScalars.contains($0) }) ?? scalars.count
        let lead = String(String.UnicodeScalarView(scalars[..<min(end, 40)]))
        guard let offset = labelOffset(in: lead), offset <= labelReach else { return [] }
        var byline = Byline()
        byline.read(line: lead, next: nil, dateWithoutLabel: false)
        return byline.authors
    }

    /// `…电（记者 X）` / `…讯(记者 X、Y)`: the bracket after a dateline's 电 or 讯, read as a byline;
    /// bare names in it count when each is a name.
    private static func dateline(_ s: [Unicode.Scalar]) -> [String]? {
        guard let open = s.prefix(40).firstIndex(where: { $0 == "（" || $0 == "(" }), open > 0 else { return nil }
        var before = open - 1
        while before > 0, Whitespace.isSpace(s[before]) { before -= 1 }
        guard "电電讯訊".unicodeScalars.contains(s[before]),
              let close = s[(open + 1)...].firstIndex(where: { $0 == "）" || $0 == ")" }), close - open <= 40 else { return nil }
        let inner = String(String.UnicodeScalarView(s[(open + 1)..<close])).trimmed
        var byline = Byline()
        byline.read(line: inner, next: nil, dateWithoutLabel: false)
        if !byline.authors.isEmpty { return byline.authors }
        guard byline.editor == nil, byline.source == nil else { return nil }
        let names = PersonNames.names(in: inner, strict: true)
        let tokens = inner.split(whereSeparator: { $0 == " " || $0 == "、" || $0 == "\u{3000}" })
        return names.count == tokens.count ? names : nil
    }

    /// Where the first reporter or author label starts in `text`, in scalars.
    private static func labelOffset(in text: String) -> Int? {
        let scalars = Array(text.unicodeScalars)
        var first: Int?
        for label in ["记者", "記者", "通讯员", "通訊員", "作者", "文/", "文／"] {
            let needle = Array(label.unicodeScalars)
            guard needle.count <= scalars.count else { continue }
            for index in 0...(scalars.count - needle.count) where scalars[index..<index + needle.count].elementsEqual(needle) {
                first = min(first ?? index, index)
                break
            }
        }
        return first
    }
}
