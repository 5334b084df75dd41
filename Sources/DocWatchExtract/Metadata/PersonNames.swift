import DocWatchCore
/// Splits byline values into person names: `谷伟 潘荣 徐苏宁`, `常书香、马丹阳`, `本报记者 葛灵丹`.
enum PersonNames {
    private static let prefixes = ["本报记者", "本報記者", "本报通讯员", "本报", "本報", "记者", "記者", "通讯员", "通訊員", "实习生", "實習生", "特约", "特約", "见习", "見習"]
    private static let suffixes = ["摄影", "攝影", "摄", "攝", "整理", "编译", "編譯"]
    private static let placeSuffixes = ["报道", "報道", "报导", "報導", "电", "電"]
    /// Words that look like names (two Han characters) but end a byline.
    private static let stopWords: Set<String> = ["报道", "報道", "综合", "綜合", "编辑", "編輯", "来源", "來源", "责编", "責編", "发布", "發佈", "图片", "圖片", "视频", "視頻", "通讯员", "摄影", "未知", "佚名", "网络", "網絡", "网友", "網友", "本站", "原创", "原創", "打印", "图集", "圖集", "执笔", "執筆", "管理员", "系统管理员", "关闭", "關閉", "返回", "顶部", "頂部", "收藏", "评论", "評論", "分享", "转发", "轉發", "点赞", "登录", "注册", "首页", "首頁", "更多", "专题", "專題", "正文", "全文", "上一页", "下一页", "整合", "整理", "编译", "編譯", "摘编", "摘編"]
    /// Endings of outlet names (环球网, 参考消息, 新华社), never a person.
    private static let outletEndings = ["网", "網", "报", "報", "社", "台", "刊", "消息", "新闻", "新聞", "频道", "頻道", "中心", "日报", "晚报"]
    private static let separators: Set<Unicode.Scalar> = [" ", "\u{3000}", "\u{A0}", "、", "，", ",", ";", "；", "/", "／", "|", "&", "＆"]

    /// The names at the start of `value`, up to the first token that is no name. `strict`
    /// (for names without a 作者/记者 label) also asks for a common surname.
    static func names(in value: String, strict: Bool = false) -> [String] {
        var names: [String] = []
        for rawToken in tokens(of: Self.byline(of: value)) {
            var token = rawToken
            for prefix in prefixes where token.hasPrefix(prefix) && token.count > prefix.count {
                token = String(token.dropFirst(prefix.count))
                break
            }
            if prefixes.contains(token) { continue }
            // `上海报道` names a place, not a person: the byline ends there.
            if placeSuffixes.contains(where: { token.hasSuffix($0) && token.count > $0.count }) { break }
            for suffix in suffixes where token.hasSuffix(suffix) && token.count > suffix.count + 1 {
                token = String(token.dropLast(suffix.count))
                break
            }
            if suffixes.contains(token) || placeSuffixes.contains(token) || stopWords.contains(token) { break }
            guard isName(token), !strict || Surnames.starts(token) else { break }
            for name in split(glued: token) where !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// Where a byline value ends: before `发自北京` and at a closing bracket (`（记者 格桑边觉）西藏…`).
    private static func byline(of value: String) -> Substring {
        let scalars = value.unicodeScalars
        var previous: Unicode.Scalar = " "
        for index in scalars.indices {
            let scalar = scalars[index]
            if scalar == "）" || scalar == ")" || scalar == "】" { return value[..<index] }
            if scalar == "自", previous == "发" || previous == "發" { return value[..<scalars.index(before: index)] }
            previous = scalar
        }
        return value[...]
    }

    /// Two two-character names written together (`罗科苏盈`: 罗科, 苏盈), told apart from one
    /// four-character name by both halves starting with a common surname and no double surname.
    static func split(glued token: String) -> [String] {
        let scalars = Array(token.unicodeScalars)
        guard scalars.count == 4, !Surnames.startsWithDouble(token) else { return [token] }
        let first = String(String.UnicodeScalarView(scalars[0..<2]))
        let second = String(String.UnicodeScalarView(scalars[2..<4]))
        guard Surnames.starts(first), Surnames.starts(second) else { return [token] }
        return [first, second]
    }

    /// Han, ASCII letters and digits, and the joiners nicknames use (`_ - & ·`): no quotes, brackets or 《》.
    private static func isNicknameScalar(_ scalar: Unicode.Scalar) -> Bool {
        Han.isIdeograph(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || "_-&＆·".unicodeScalars.contains(scalar)
    }

    /// Whether the first word of `value` joins words that are not all names with `&` (`放飞&心情`,
    /// a nickname) rather than listing people (`张伟&李娜`).
    static func isJoinedNickname(_ value: String) -> Bool {
        guard let word = byline(of: value).split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).first,
              word.contains("&") || word.contains("＆") else { return false }
        return !word.split(whereSeparator: { $0 == "&" || $0 == "＆" }).allSatisfy { Surnames.starts(String($0)) && isName(String($0)) }
    }

    /// A forum or blog nickname after an explicit 作者/楼主 label (`芊草凡凡`, `ggjjzhzz`, `放飞&心情`):
    /// the value's first token when it is short and no placeholder, outlet or date.
    static func nickname(in value: String) -> String? {
        let words = byline(of: value).split(whereSeparator: { Whitespace.isSpace($0.unicodeScalars.first ?? " ") || $0 == "、" || $0 == "，" })
        guard let token = words.first.map({ String($0).stripping(" :：,，;；") }), !token.isEmpty,
              (2...16).contains(token.unicodeScalars.count), !stopWords.contains(token), !prefixes.contains(token),
              token.unicodeScalars.contains(where: { Han.isIdeograph($0) || ("a"..."z").contains($0) || ("A"..."Z").contains($0) }),
              token.unicodeScalars.allSatisfy(isNicknameScalar),
              DateScanner.first(in: token) == nil,
              !(token.unicodeScalars.allSatisfy(Han.isIdeograph) && outletEndings.contains { token.hasSuffix($0) }) else { return nil }
        // Not an office (`医技药剂党支部`), not a byline glued together (`半月谈记者谭飞王艳明`, `网络整理`).
        let han = token.unicodeScalars.allSatisfy(Han.isIdeograph)
        if han, token.unicodeScalars.count > 8 || OfficeNames.isOffice(token) { return nil }
        if ["记者", "記者", "通讯员", "通訊員", "编辑", "編輯", "整理", "报道", "報道", "来源", "來源", "网络", "網絡"].contains(where: { token.contains($0) }) {
            return nil
        }
        return token
    }

    /// Two to four Han characters (a Chinese personal name), or a short Latin name.
    static func isName(_ token: String) -> Bool {
        let scalars = token.unicodeScalars
        guard scalars.allSatisfy(Han.isIdeograph), (2...4).contains(scalars.count), !stopWords.contains(token),
              !ToolbarLine.words.contains(token) else { return false }
        return !outletEndings.contains { token.hasSuffix($0) }
    }

    private static func tokens(of value: Substring) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            if separators.contains(scalar) || Whitespace.isSpace(scalar) {
                if !current.isEmpty { out.append(String(current)) }
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { out.append(String(current)) }
        return out
    }
}
