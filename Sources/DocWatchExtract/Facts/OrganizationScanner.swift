import DocWatchCore

/// Finds organisations named in full: a region or a national prefix (国家, 中共 …), a body of
/// ideographs, and an organisational suffix (厅, 局, 委员会, 办公室, 公司 …) —
/// 江苏省工业和信息化厅, 宁波市工业强市建设领导小组办公室, 国家税务总局 — and the central
/// bodies whose full name has no prefix (国务院, 财政部, 海关总署).
enum OrganizationScanner {
    private struct Suffix: Sendable {
        /// How many ideographs the body needs before this suffix (江苏省政府 needs none).
        var minBody: Int
        /// Ideographs that, right after the suffix, show it is part of another word (部门, 局面).
        var blockedNext: ScalarSet
        /// Ideographs that, right before the suffix, show the same (布局, 全部, 客厅).
        var blockedPrevious: ScalarSet
    }

    private static let maxBody = 18

    private static let suffixList: [(word: String, suffix: Suffix)] = {
        func suffix(_ word: String, _ minBody: Int, next: String = "", previous: String = "")
            -> (word: String, suffix: Suffix) {
            (word, Suffix(minBody: minBody, blockedNext: ScalarSet(next), blockedPrevious: ScalarSet(previous)))
        }
        return [
            suffix("委员会", 2), suffix("管委会", 1), suffix("常委会", 0), suffix("办公室", 1), suffix("办公厅", 0),
            suffix("领导小组", 2), suffix("人民政府", 0), suffix("政府", 0, next: "性部采投", previous: "院"),
            suffix("厅", 2, next: "长级", previous: "客餐大展舞门"),
            suffix("局", 2, next: "面部势限长级地", previous: "布格结大全开时政骗棋残定饭当部"),
            suffix("部", 2, next: "门署分件位队落长级", previous: "全内外局干东西南北中上下头脑胸腹背底顶合"),
            suffix("委", 0, next: "员托屈婉"), suffix("院", 2, next: "校子落士线长", previous: "庭剧影"),
            suffix("署", 2, next: "名", previous: "部签表"), suffix("交易所", 2), suffix("公司", 2),
            suffix("有限公司", 2), suffix("有限责任公司", 2), suffix("股份有限公司", 2), suffix("集团", 2),
            suffix("协会", 2), suffix("商会", 1), suffix("联合会", 2), suffix("银行", 1),
            suffix("中心", 2, next: "城区", previous: "市城"), suffix("大学", 2), suffix("医院", 2), suffix("研究所", 2),
        ]
    }()
    private static let suffixWords = WordTable(suffixList.map(\.word))

    /// Prefixes other than region names that open an organisation's full name.
    private static let prefixWords = ["中华人民共和国", "国家", "中共", "中国", "全国"]
    /// Central bodies named in full on their own, which may also open a longer name (商务部研究院).
    private static let centralBodies = [
        "国务院", "中共中央", "外交部", "国防部", "教育部", "科学技术部", "工业和信息化部", "公安部", "民政部", "司法部",
        "财政部", "人力资源和社会保障部", "自然资源部", "生态环境部", "住房和城乡建设部", "交通运输部", "水利部",
        "农业农村部", "商务部", "文化和旅游部", "退役军人事务部", "应急管理部", "审计署", "海关总署",
    ]
    private static let nationalPrefixes = WordTable(prefixWords + centralBodies)
    /// After a central body's name these show it is a generic word (财政部门, 教育部署).
    private static let centralBodyBlockedNext = ScalarSet("门署分件位队落级")
    /// 和, allowed inside a body (工业和信息化厅) once the body has this many ideographs before it.
    private static let conjunction: UInt32 = 0x548C
    private static let bodyBeforeConjunction = 2

    /// Ideographs and words that never stand inside an organisation's name.
    private static let bodyBreaks = ScalarSet("的了将在对向从由是把被已也都还并等要做于给让使某")
    private static let bodyVerbs = WordTable([
        "召开", "表示", "介绍", "印发", "要求", "推进", "加快", "获悉", "透露", "指出", "出台", "发布", "举行",
        "开展", "实施", "制定", "落实", "积极", "全面", "进一步", "正式", "共同", "支持", "围绕", "按照", "根据",
        "通过", "累计", "目前", "今年", "持续", "继续", "正在", "已经", "充分", "发挥", "做好", "抓好",
        "联合", "有关", "会议", "一家", "多家", "几家", "两家", "各家", "一些", "一所", "一座", "有一", "一乡",
        "所有", "规定", "实行", "明确", "大型", "各地", "各级", "各类",
    ])

    static func facts(in text: ScalarText, regions: [RegionScanner.Match]) -> [Fact] {
        let nationalPrefixes = Self.nationalPrefixes
        var prefixes = regions.map { (range: $0.range, standalone: false) }
        var index = 0
        while index < text.count {
            if let found = nationalPrefixes.match(in: text, at: index) {
                let standalone = found.id >= prefixWords.count
                    && !centralBodyBlockedNext.contains(text[index + found.length])
                prefixes.append((index..<index + found.length, standalone))
                index += found.length
            } else {
                index += 1
            }
        }
        prefixes.sort { $0.range.lowerBound < $1.range.lowerBound }
        var spans: [Range<Int>] = []
        for prefix in prefixes {
            guard let span = organization(after: prefix.range, in: text) ?? (prefix.standalone ? prefix.range : nil)
            else { continue }
            if let last = spans.last, last.overlaps(span) {
                if span.count > last.count { spans[spans.count - 1] = span }
                continue
            }
            spans.append(span)
        }
        return spans.map {
            Fact(kind: .organization, text: text.original($0), offset: $0.lowerBound, name: text.simplified($0))
        }
    }

    private static func organization(after prefix: Range<Int>, in text: ScalarText) -> Range<Int>? {
        let bodyStart = prefix.upperBound
        var index = bodyStart
        while index < text.count && index - bodyStart <= maxBody {
            if let found = suffixWords.match(in: text, at: index) {
                let suffix = suffixList[found.id].suffix
                if index - bodyStart >= suffix.minBody, !suffix.blockedNext.contains(text[index + found.length]),
                   !suffix.blockedPrevious.contains(text[index - 1]) {
                    return prefix.lowerBound..<extended(index + found.length, in: text)
                }
            }
            let value = text[index]
            guard Han.isIdeograph(value), !bodyBreaks.contains(value),
                  value != conjunction || index - bodyStart >= bodyBeforeConjunction,
                  bodyVerbs.match(in: text, at: index) == nil
            else { return nil }
            index += 1
        }
        return nil
    }

    /// Past the office of a body (委员会办公室, 人民政府办公厅).
    private static func extended(_ end: Int, in text: ScalarText) -> Int {
        var end = end
        while let found = suffixWords.match(in: text, at: end), found.length >= 3,
              !suffixList[found.id].suffix.blockedNext.contains(text[end + found.length]) {
            end += found.length
        }
        return end
    }
}
