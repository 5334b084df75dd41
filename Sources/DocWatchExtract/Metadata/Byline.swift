import DocWatchCore
/// What the byline text around a headline or under an article says.
struct Byline {
    /// A date after a label (发布时间, 发表于 …), else the first bare date.
    var date: PageDate? { labelledDate ?? bareDate }
    /// A date after 发布时间, 发表于 … .
    private(set) var labelledDate: PageDate?
    /// The first date without a label.
    private(set) var bareDate: PageDate?
    var source: String?
    var authors: [String] = []
    var editor: String?

    /// Reads labelled values (来源, 作者, 记者, 责任编辑, 发布时间 …) and bare dates from runs.
    mutating func read(_ runs: ArraySlice<TextRun>, datesWithoutLabel: Bool) {
        // Bylines are short: a run of article prose (over ~100 characters) is skipped unread.
        let texts = runs.map { $0.node.text.utf8.count > 400 ? "" : $0.text }
        for (index, text) in texts.enumerated() where !text.isEmpty {
            read(line: text, next: index + 1 < texts.count ? texts[index + 1] : nil, dateWithoutLabel: datesWithoutLabel)
        }
    }

    /// Reads one line of byline text; `next` supplies a value a label at the end of the line lacks.
    mutating func read(line: String, next: String?, dateWithoutLabel: Bool) {
        for (field, value) in BylineLabels.fields(in: line, next: next) {
            switch field {
            case .source:
                if source == nil, let first = Self.firstToken(of: value) { source = first }
            case .author, .reporter:
                let nicknameFirst = field == .author && PersonNames.isJoinedNickname(value)
                let names = nicknameFirst ? [] : PersonNames.names(in: value)
                for name in names where !authors.contains(name) { authors.append(name) }
                // 作者：芊草凡凡, 楼主：ggjjzhzz: after an explicit label a forum nickname is the author.
                if names.isEmpty, field == .author, let nickname = PersonNames.nickname(in: value), !authors.contains(nickname) {
                    authors.append(nickname)
                }
            case .editor:
                if editor == nil { editor = PersonNames.names(in: value).first ?? Self.firstToken(of: value) }
            case .date:
                if labelledDate == nil { labelledDate = DateScanner.first(in: value) }
            case .stop:
                break
            }
        }
        if bareDate == nil, dateWithoutLabel, line.utf8.contains(where: { (0x30...0x39).contains($0) }) {
            bareDate = DateScanner.first(in: line)
        }
    }

    /// Names in a trailing `(记者 杨艺)` / `（常书香 马丹阳）` of an article's last line.
    static func trailingNames(in line: String) -> [String] {
        let scalars = Array(line.unicodeScalars)
        guard let last = scalars.lastIndex(where: { !Whitespace.isSpace($0) }), scalars[last] == ")" || scalars[last] == "）",
              let open = scalars[..<last].lastIndex(where: { $0 == "(" || $0 == "（" }) else { return [] }
        let inner = String(String.UnicodeScalarView(scalars[(open + 1)..<last])).trimmed
        guard inner.unicodeScalars.count <= 30 else { return [] }
        var byline = Byline()
        byline.read(line: inner, next: nil, dateWithoutLabel: false)
        if !byline.authors.isEmpty { return byline.authors }
        guard byline.editor == nil, byline.source == nil else { return [] }
        let names = PersonNames.names(in: inner, strict: true)
        // `（姚峰 上海报道）`: a closing place-and-报道 token is no name but still a byline.
        let tokens = inner.split(whereSeparator: { $0 == " " || $0 == "、" || $0 == "\u{3000}" })
            .filter { !($0.hasSuffix("报道") || $0.hasSuffix("報道") || $0.hasSuffix("电") || $0.hasSuffix("電")) }
        return names.count == tokens.count ? names : []
    }

    /// Names in brackets inside a byline: `2004年7月16日08:19 [ 黄宇 ] 来源：…`, `【杨艺】`.
    static func bracketedNames(in run: String) -> [String] {
        var names: [String] = []
        var inner: String.UnicodeScalarView?
        for scalar in run.unicodeScalars {
            if scalar == "[" || scalar == "【" || scalar == "〔" {
                inner = String.UnicodeScalarView()
            } else if scalar == "]" || scalar == "】" || scalar == "〕", let content = inner {
                let text = String(content)
                let found = PersonNames.names(in: text, strict: true)
                if !found.isEmpty, found.count == text.split(whereSeparator: { $0 == " " || $0 == "、" || $0 == "\u{3000}" }).count {
                    names += found
                }
                inner = nil
            } else {
                inner?.append(scalar)
            }
        }
        return names
    }

    /// A value up to its first space, at most 40 characters.
    static func firstToken(of value: String) -> String? {
        let token = value.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\u{A0}" }).first.map(String.init) ?? ""
        guard !token.isEmpty, token.unicodeScalars.count <= 40 else { return nil }
        return token
    }
}
