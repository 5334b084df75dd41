import DocWatchCore
/// What a byline label announces.
enum BylineField: Equatable {
    case source, author, reporter, editor, date, stop
}

/// Reads `label：value` pairs out of byline text such as
/// `发布时间：2020-04-15 18:06 来源：江苏新闻网 作者：杨艺 浏览量：2368`.
///
/// A value runs to the next label. Labels that need no colon (记者, 通讯员, 文/) are only taken
/// before a name, so "记者从会上获悉" is not a byline.
enum BylineLabels {
    private static let table: [(label: [Unicode.Scalar], field: BylineField, needsColon: Bool)] = {
        var rows: [(String, BylineField, Bool)] = []
        for label in ["来源", "來源", "信息来源", "信息來源", "文章来源", "文章來源", "稿件来源", "稿件來源", "新闻来源", "新聞來源", "出处", "出處", "转载自", "轉載自"] {
            rows.append((label, .source, true))
        }
        for label in ["作者", "作　者", "作 者", "撰稿", "撰文", "撰稿人", "执笔", "执笔人", "執筆", "執筆人", "楼主", "樓主", "发帖人", "發帖人", "博主"] {
            rows.append((label, .author, true))
        }
        for label in ["记者", "記者", "通讯员", "通訊員", "实习生", "實習生", "文/", "文／", "文/图", "文／圖", "文/圖", "图/文", "圖/文", "执笔/", "執筆/", "作者/"] {
            rows.append((label, .reporter, false))
        }
        for label in ["责任编辑", "責任編輯", "责编", "責編", "编辑", "編輯", "本文编辑", "值班编辑", "编审", "審核", "审核", "校对", "校對"] {
            rows.append((label, .editor, true))
        }
        for label in ["发布时间", "發佈時間", "發布時間", "发布日期", "發佈日期", "发表时间", "發表時間", "更新时间", "更新時間", "时间", "時間", "日期"] {
            rows.append((label, .date, true))
        }
        // A policy's signing date is `written`, never the publication date a byline gives.
        for label in ["成文日期", "发文日期", "發文日期", "印发日期", "印發日期"] {
            rows.append((label, .stop, true))
        }
        // `发表于 2005-9-15`: these take no colon.
        for label in ["发表于", "發表於", "发布于", "發佈於", "發布於", "发表於"] {
            rows.append((label, .date, false))
        }
        for label in ["浏览", "瀏覽", "阅读", "閱讀", "点击", "點擊", "访问", "訪問", "字号", "字號", "字体", "字體", "分享", "打印", "评论", "評論", "【", "[", "|", "丨"] {
            rows.append((label, .stop, false))
        }
        return rows.map { (Array($0.0.unicodeScalars), $0.1, $0.2) }.sorted { $0.label.count > $1.label.count }
    }()

    /// The labelled values in `text`, in order. `next` is the following text run, used when a
    /// label ends its run (`来源：` then `<a>新华网</a>`).
    static func fields(in text: String, next: String? = nil) -> [(field: BylineField, value: String)] {
        let s = Array(text.unicodeScalars)
        var marks: [(field: BylineField, labelStart: Int, valueStart: Int)] = []
        var index = 0
        while index < s.count {
            if let (field, valueStart) = label(in: s, at: index) {
                marks.append((field, index, valueStart))
                index = valueStart
            } else {
                index += 1
            }
        }
        var out: [(BylineField, String)] = []
        for (position, mark) in marks.enumerated() where mark.field != .stop {
            let end = position + 1 < marks.count ? marks[position + 1].labelStart : s.count
            var value = String(String.UnicodeScalarView(s[mark.valueStart..<max(mark.valueStart, end)])).trimmed
            if value.isEmpty, position + 1 == marks.count, let next { value = next.trimmed }
            value = value.stripping(" :：,，;；)）]】")
            if !value.isEmpty { out.append((mark.field, value)) }
        }
        return out
    }

    /// A name written straight after 记者 (`记者马俊峰/文`, `记者罗科苏盈发自北京`): two to four Han
    /// characters from a common surname on, then a byline boundary, so `记者了解到` is no byline.
    private static func gluedName(in s: [Unicode.Scalar], at start: Int) -> Bool {
        for length in 2...4 where start + length <= s.count {
            let name = s[start..<start + length]
            guard name.allSatisfy(Han.isIdeograph) else { return false }
            guard Surnames.starts(String(String.UnicodeScalarView(name))) else { return false }
            let end = start + length
            // `新华社记者廖宇杰摄` credits a photo, not the article.
            if name.last == "摄" || name.last == "攝" || (end < s.count && (s[end] == "摄" || s[end] == "攝")) { return false }
            if end == s.count { return true }
            let next = s[end]
            if Whitespace.isSpace(next) || "/／、，,）)".unicodeScalars.contains(next) { return true }
            if end + 1 < s.count, ["发自", "發自", "报道", "報道"].contains(String(String.UnicodeScalarView(s[end...end + 1]))) { return true }
        }
        return false
    }

    /// The first characters of all labels: most positions of a line start none.
    private static let firstScalars = ScalarSet(table.map { $0.label[0].value })

    private static func label(in s: [Unicode.Scalar], at index: Int) -> (BylineField, Int)? {
        guard firstScalars.contains(s[index]) else { return nil }
        for row in table {
            let label = row.label
            guard index + label.count <= s.count, s[index] == label[0], s[index..<index + label.count].elementsEqual(label) else { continue }
            var cursor = index + label.count
            while cursor < s.count, Whitespace.isSpace(s[cursor]) { cursor += 1 }
            let hasColon = cursor < s.count && (s[cursor] == ":" || s[cursor] == "：")
            if hasColon { return (row.field, cursor + 1) }
            if row.needsColon { continue }
            if row.field == .stop { return (row.field, index + label.count) }
            // 记者/通讯员 without a colon: only when a space or a name boundary follows.
            let slashed = label.contains("/") || label.contains("／")
            if slashed || cursor > index + label.count || cursor >= s.count || gluedName(in: s, at: cursor) { return (row.field, cursor) }
        }
        return nil
    }
}

extension String {
    /// The string without the given scalars at either end.
    func stripping(_ set: String) -> String {
        let strip = Set(set.unicodeScalars)
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !strip.contains($0) && !Whitespace.isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !strip.contains($0) && !Whitespace.isSpace($0) }) ?? first
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
