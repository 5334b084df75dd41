import DocWatchCore

/// What a label of a government information-disclosure table (索引号, 发文机关 …) announces.
enum DisclosureField: Equatable {
    case indexNumber, issuer, responsibleOffice, docNumber, written, published
    /// A label of the table that docwatch does not keep (主题分类, 公开方式 …): it only tells the table apart.
    case other
}

/// The labels of information-disclosure tables, matched with white space removed
/// (`索 引 号`, `标&nbsp;&nbsp;题` are common), shared by the metadata reader and the body's
/// furniture rules.
enum DisclosureLabels {
    private static let rows: [(label: String, field: DisclosureField)] = {
        var rows: [(String, DisclosureField)] = []
        for label in ["索引号", "索引號"] { rows.append((label, .indexNumber)) }
        for label in ["发文机关", "發文機關", "发文机构", "發文機構", "发文单位", "發文單位", "发布机构", "發佈機構", "發布機構", "发布机关",
                      "發佈機關", "发布单位", "發佈單位", "制发机关", "製發機關"] {
            rows.append((label, .issuer))
        }
        for label in ["公开责任部门", "公開責任部門", "责任部门"] { rows.append((label, .responsibleOffice)) }
        for label in ["发文字号", "發文字號", "发文编号", "發文編號", "文号", "文號"] { rows.append((label, .docNumber)) }
        for label in ["成文日期", "成文时间", "成文時間", "印发日期", "印發日期", "签发日期", "簽發日期", "生成日期", "发文日期", "發文日期"] {
            rows.append((label, .written))
        }
        for label in ["发布日期", "發佈日期", "發布日期", "公开日期", "公開日期", "发布时间", "發佈時間", "發布時間"] {
            rows.append((label, .published))
        }
        for label in ["主题分类", "主題分類", "主题词", "主題詞", "公开方式", "公開方式", "公开范围", "公開範圍", "公开时限", "公開時限",
                      "有效性", "时效性", "時效性", "体裁分类", "體裁分類", "组配分类", "組配分類", "服务对象分类", "信息分类", "信息分類",
                      "所属机构", "所屬機構", "公开形式", "公開形式", "实施日期", "實施日期", "废止日期", "廢止日期", "信息名称", "信息名稱"] {
            rows.append((label, .other))
        }
        return rows.sorted { $0.0.unicodeScalars.count > $1.0.unicodeScalars.count }
    }()

    /// Labels that may end in a colon-less cell of their own: each has one of these last characters.
    private static let lastScalars = ScalarSet(rows.compactMap { $0.label.unicodeScalars.last?.value })

    /// The first characters of all labels, as a bit set: the test `mayStartLabel` makes of every line.
    private static let firstScalars = ScalarSet(rows.compactMap { $0.label.unicodeScalars.first?.value })

    /// The rows by their label's first character, longest label first: most text starts none.
    private static let rowsByFirst: [Unicode.Scalar: [(label: [Unicode.Scalar], field: DisclosureField)]] = {
        var index: [Unicode.Scalar: [(label: [Unicode.Scalar], field: DisclosureField)]] = [:]
        for row in rows {
            let scalars = Array(row.label.unicodeScalars)
            index[scalars[0], default: []].append((scalars, row.field))
        }
        return index
    }()

    /// Whether `text`'s first non-space character starts some label: the cheap test before any other.
    static func mayStartLabel(_ text: some StringProtocol) -> Bool {
        guard let first = text.unicodeScalars.first(where: { !Whitespace.isSpace($0) }) else { return false }
        return firstScalars.contains(first)
    }

    /// Whether `text` holds a character some label ends with: text without one holds no label.
    static func mayHoldLabel(_ text: String) -> Bool {
        text.unicodeScalars.contains { lastScalars.contains($0) }
    }

    /// The label `key` (text without white space) starts with, and its length in scalars.
    static func leadingLabel(of key: String) -> (field: DisclosureField, length: Int)? {
        let scalars = key.unicodeScalars
        guard let first = scalars.first, let candidates = rowsByFirst[first] else { return nil }
        for row in candidates where scalars.starts(with: row.label) {
            return (row.field, row.label.count)
        }
        return nil
    }

    /// The distinct labels anywhere in `key` (text without white space).
    static func labelCount(in key: String) -> Int {
        var seen = Set<String>()
        for row in rows where !seen.contains(row.label) && key.containsBytes(row.label) {
            // `发文字号` holds `文号`: a label inside a longer one found is not counted again.
            if seen.contains(where: { $0.containsBytes(row.label) }) { continue }
            seen.insert(row.label)
        }
        return seen.count
    }

    /// The start of the next label in `scalars` from `start` on, for cutting a value that runs
    /// into the next cell of the same line (`发文机关：国务院 成文日期：…`).
    static func nextLabel(in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start < scalars.count else { return nil }
        for index in start..<scalars.count where lastScalars.contains(scalars[index]) {
            for row in rows {
                let label = Array(row.label.unicodeScalars)
                let begin = index + 1 - label.count
                if begin >= start, Array(scalars[begin...index]) == label { return begin }
            }
        }
        return nil
    }

    /// A rendered line that is a row of a disclosure table: it starts with a label and is short.
    static func isTableLine(_ line: String) -> Bool {
        guard line.utf8.count <= 480, mayStartLabel(line) else { return false }
        let key = line.withoutSpaces
        guard let (field, length) = leadingLabel(of: key) else { return false }
        // A row names its label with a colon (`有效性：有效`) or holds two labels; a sentence may
        // start with `有效性` or `文号` and no colon.
        let afterLabel = key.unicodeScalars.dropFirst(length).first
        if afterLabel == ":" || afterLabel == "：" { return field != .docNumber || key.hasPrefix("发文") || key.hasPrefix("發文") }
        return labelCount(in: key) >= 2
    }
}
