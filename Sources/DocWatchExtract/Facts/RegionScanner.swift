import DocWatchCore

/// Finds provinces and prefecture-level divisions by full or short name, in either script, with
/// their GB/T 2260 code.
///
/// Names are matched leftmost-longest together with a list of words that merely contain a name
/// (推广元…, 广东营商, 决定西部, 集中卫生): such a word is passed over whole, so 广元, 东营, 定西
/// and 中卫 are not found inside it.
enum RegionScanner {
    /// A region found in the text: its span, code and Simplified name.
    struct Match {
        var range: Range<Int>
        var code: String
        var name: String
    }

    private static let decoys = [
        "推广", "宽广", "西南", "东南", "东北", "西北", "集中", "国内", "境内", "省内", "市内", "区内", "更新",
        "创新", "重新", "最新", "全新", "刷新", "革新", "清新", "决定", "确定", "规定", "制定", "稳定", "一定",
        "未开封", "诚信", "新乡村", "快乐", "到达", "抵达", "黄河", "长江", "内江河", "平安", "公益", "中山大学",
        "中山路", "孙中山", "长安", "台中", "中卫生",
    ]

    /// Every name and decoy, with the code of each name (nil for a decoy) at the same index.
    private static let names: (table: WordTable, codes: [String?]) = {
        var words = decoys
        var codes = [String?](repeating: nil, count: decoys.count)
        for line in DivisionTable.lines.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 2 else { continue }
            for name in fields.dropFirst() where name.unicodeScalars.count >= 2 {
                words.append(String(name))
                codes.append(String(fields[0]))
            }
        }
        return (WordTable(words, indexed: true), codes)
    }()

    static func matches(in text: ScalarText) -> [Match] {
        let (table, codes) = Self.names
        var matches: [Match] = []
        var index = 0
        while index < text.count {
            guard let found = table.match(in: text, at: index) else {
                index += 1
                continue
            }
            if let code = codes[found.id] {
                matches.append(Match(range: index..<index + found.length, code: code, name: table.words[found.id]))
            }
            index += found.length
        }
        return matches
    }

    static func facts(from matches: [Match], in text: ScalarText) -> [Fact] {
        matches.map { match in
            Fact(kind: .region, text: text.original(match.range), offset: match.range.lowerBound, name: match.name,
                 code: match.code)
        }
    }
}
