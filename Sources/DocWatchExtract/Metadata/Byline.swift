/// What the byline text around a headline or under an article says.
struct Byline {
    var date: PageDate?
    var source: String?
    var authors: [String] = []
    var editor: String?

    /// Reads labelled values (来源, 作者, 记者, 责任编辑, 发布时间 …) and bare dates from runs.
    mutating func read(_ runs: ArraySlice<TextRun>, datesWithoutLabel: Bool) {
        for index in runs.indices {
            let run = runs[index]
            let next = index + 1 < runs.endIndex ? runs[index + 1].text : nil
            read(line: run.text, next: next, dateWithoutLabel: datesWithoutLabel)
        }
    }

    /// Reads one line of byline text; `next` supplies a value a label at the end of the line lacks.
    mutating func read(line: String, next: String?, dateWithoutLabel: Bool) {
        for (field, value) in BylineLabels.fields(in: line, next: next) {
            switch field {
            case .source:
                if source == nil, let first = Self.firstToken(of: value) { source = first }
            case .author, .reporter:
                for name in PersonNames.names(in: value) where !authors.contains(name) { authors.append(name) }
            case .editor:
                if editor == nil { editor = PersonNames.names(in: value).first ?? Self.firstToken(of: value) }
            case .date:
                if date == nil { date = DateScanner.first(in: value) }
            case .stop:
                break
            }
        }
        if date == nil, dateWithoutLabel { date = DateScanner.first(in: line) }
    }

    /// Names in a trailing `(记者 杨艺)` / `（常书香 马丹阳）` of an article's last line.
    static func trailingNames(in line: String) -> [String] {
        let scalars = Array(line.unicodeScalars)
        guard let last = scalars.lastIndex(where: { !CharacterClass.isSpace($0) }), scalars[last] == ")" || scalars[last] == "）",
              let open = scalars[..<last].lastIndex(where: { $0 == "(" || $0 == "（" }) else { return [] }
        let inner = String(String.UnicodeScalarView(scalars[(open + 1)..<last])).trimmed
        guard inner.unicodeScalars.count <= 30 else { return [] }
        var byline = Byline()
        byline.read(line: inner, next: nil, dateWithoutLabel: false)
        if !byline.authors.isEmpty { return byline.authors }
        guard byline.editor == nil, byline.source == nil else { return [] }
        let names = PersonNames.names(in: inner)
        let tokenCount = inner.split(whereSeparator: { $0 == " " || $0 == "、" || $0 == "\u{3000}" }).count
        return names.count == tokenCount ? names : []
    }

    /// A value up to its first space, at most 40 characters.
    static func firstToken(of value: String) -> String? {
        let token = value.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\u{A0}" }).first.map(String.init) ?? ""
        guard !token.isEmpty, token.unicodeScalars.count <= 40 else { return nil }
        return token
    }
}
