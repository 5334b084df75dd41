/// The labels Chinese sites give GB and Big5 text, folded onto the supersets that decode them all:
/// `gb2312`/`gbk` pages use GBK and GB18030 characters, `big5` pages use HKSCS ones.
///
/// One table for HTML pages (the fetcher's decoder) and XML feeds (libxml2), so both read the same
/// labels the same way.
public enum CharsetAlias {
    public static let gb18030 = "GB18030"
    public static let big5HKSCS = "BIG5-HKSCS"

    /// `GB18030` or `BIG5-HKSCS` for a label that means one of their subsets; nil for any other label.
    public static func superset(of label: String) -> String? {
        switch label.lowercased() {
        case "gb2312", "gbk", "x-gbk", "gb18030", "cp936", "ms936", "windows-936", "euc-cn", "csgb2312", "gb_2312-80", "chinese":
            gb18030
        case "big5", "big5-hkscs", "x-big5", "cp950", "ms950", "windows-950", "csbig5":
            big5HKSCS
        default:
            nil
        }
    }
}
