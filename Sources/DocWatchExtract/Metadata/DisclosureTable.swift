import DocWatchCore

/// The metadata table of government information-disclosure pages: 索引号, 发文机关, 发文字号,
/// 成文日期, 发布日期 as label cells followed by value cells, or `label：value` in one cell.
struct DisclosureTable {
    var published: PageDate?
    var written: PageDate?
    var issuer: String?
    var docNumber: String?
    var indexNumber: String?

    /// Reads the table from short runs: `发布日期：2022-01-27`, `发布日期：` + `2022-01-27`, and labels
    /// split over several runs by spacing markup (`索<span> </span>引<span> </span>号：`).
    init(runs: [TextRun]) {
        var responsibleOffice: String?
        var index = 0
        while index < runs.count {
            let raw = runs[index].node.text
            guard raw.utf8.count <= 160, DisclosureLabels.mayStartLabel(raw),
                  let (field, text, last) = Self.labelledText(startingAt: index, in: runs) else {
                index += 1
                continue
            }
            index = last + 1
            let next = index < runs.count ? runs[index].text : nil
            // `发文机关：国务院 成文日期：2024年07月28日`: every label of the run, each to the next.
            var scalars = Array(text.unicodeScalars)
            var label = field
            while true {
                let (value, end) = Self.value(after: label.length, in: scalars, next: next)
                if let value { read(label.field, value, responsibleOffice: &responsibleOffice) }
                guard end < scalars.count else { break }
                scalars = Array(scalars[end...])
                guard let following = DisclosureLabels.leadingLabel(of: String(String.UnicodeScalarView(scalars))) else { break }
                label = following
            }
        }
        if issuer == nil { issuer = responsibleOffice }
    }

    /// Keeps the first value of each field.
    private mutating func read(_ field: DisclosureField, _ value: String, responsibleOffice: inout String?) {
        switch field {
        case .published where published == nil: published = DateScanner.first(in: value)
        case .written where written == nil: written = DateScanner.first(in: value)
        case .issuer where issuer == nil: issuer = Self.name(value)
        case .responsibleOffice where responsibleOffice == nil: responsibleOffice = Self.name(value)
        case .docNumber where docNumber == nil: docNumber = Self.name(value)
        case .indexNumber where indexNumber == nil: indexNumber = Self.name(value)
        default: break
        }
    }

    /// The text of the run at `index` when it starts with a label, joined with up to four one- or
    /// two-character runs after it when only together they spell one (`索` `引` `号：`); and the
    /// index of the last run read.
    private static func labelledText(startingAt index: Int, in runs: [TextRun]) -> ((field: DisclosureField, length: Int), String, Int)? {
        var joined = runs[index].text
        if let found = DisclosureLabels.leadingLabel(of: joined.withoutSpaces) { return (found, joined, index) }
        var last = index
        while joined.withoutSpaces.unicodeScalars.count <= 4, last + 1 < runs.count, last - index < 4,
              runs[last + 1].text.withoutSpaces.unicodeScalars.count <= 2 {
            last += 1
            joined += runs[last].text
            if let found = DisclosureLabels.leadingLabel(of: joined.withoutSpaces) { return (found, joined, last) }
        }
        return nil
    }

    /// The text after a label of `length` non-space scalars and its colon, cut at the next label
    /// (whose start is returned too); or the next run when the label cell holds nothing else and
    /// the next run is no label.
    private static func value(after length: Int, in scalars: [Unicode.Scalar], next: String?) -> (String?, Int) {
        var index = 0
        var counted = 0
        while index < scalars.count, counted < length {
            if !Whitespace.isSpace(scalars[index]) { counted += 1 }
            index += 1
        }
        let end = DisclosureLabels.nextLabel(in: scalars, from: index) ?? scalars.count
        let rest = String(String.UnicodeScalarView(scalars[index..<end])).stripping(" :：")
        if !rest.isEmpty { return (rest, end) }
        guard end == scalars.count, let next, next.unicodeScalars.count <= 80,
              DisclosureLabels.leadingLabel(of: next.withoutSpaces) == nil else { return (nil, end) }
        return (next, end)
    }

    /// A short value, white space folded; placeholders (`无`, `-`) are no value.
    private static func name(_ value: String) -> String? {
        let folded = value.spaceFolded
        guard !folded.isEmpty, folded.unicodeScalars.count <= 60, !["无", "無", "-", "—", "/", "暂无", "暫無", "空"].contains(folded) else { return nil }
        return folded
    }
}
