/// The metadata table of government information-disclosure pages:
/// 索引号, 发文机关, 成文日期, 发文字号, 发布日期 as label cells followed by value cells.
struct DisclosureTable {
    var published: PageDate?
    var written: PageDate?
    var issuer: String?

    private static let publishedLabels = ["发布日期", "發佈日期", "公开日期", "公開日期", "发布时间"]
    private static let writtenLabels = ["成文日期", "印发日期", "生成日期"]
    private static let issuerLabels = ["发文机关", "發文機關", "发布机构", "發佈機構", "发布机关", "公开责任部门"]

    /// Whether a character ends some label (期 关 關 构 構 间 门 門): a run without one holds no label.
    private static func endsLabel(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "期", "关", "關", "构", "構", "间", "门", "門": return true
        default: return false
        }
    }

    /// Reads the table from short runs: `发布日期：2022-01-27` or `发布日期：` + `2022-01-27`.
    init(runs: [TextRun]) {
        for index in runs.indices {
            let raw = runs[index].node.text
            guard raw.utf8.count <= 120, raw.unicodeScalars.contains(where: Self.endsLabel) else { continue }
            let text = runs[index].text
            let next = index + 1 < runs.count ? runs[index + 1].text : nil
            if published == nil, let value = Self.value(of: Self.publishedLabels, in: text, next: next) {
                published = DateScanner.first(in: value)
            }
            if written == nil, let value = Self.value(of: Self.writtenLabels, in: text, next: next) {
                written = DateScanner.first(in: value)
            }
            if issuer == nil, let value = Self.value(of: Self.issuerLabels, in: text, next: next) {
                issuer = Byline.firstToken(of: value)
            }
        }
    }

    /// The text after `label` and its colon, or the next run when the label cell holds nothing else.
    private static func value(of labels: [String], in text: String, next: String?) -> String? {
        for label in labels {
            guard let offset = text.byteOffset(of: label) else { continue }
            let utf8 = Array(text.utf8)
            let rest = String(decoding: utf8[(offset + label.utf8.count)...], as: UTF8.self).stripping(" :：")
            if !rest.isEmpty { return rest }
            if let next, next.unicodeScalars.count <= 60 { return next }
        }
        return nil
    }
}
