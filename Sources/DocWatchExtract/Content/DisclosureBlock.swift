/// The information-disclosure table of a government page (索引号, 主题分类, 发文机关, 成文日期 …) as
/// a block: metadata, read by `DisclosureTable`, and never body text.
enum DisclosureBlock {
    private static let containers: Set<String> = ["table", "tbody", "ul", "ol", "dl", "div", "section"]

    /// Whether `node` is a short block that holds three or more disclosure labels.
    static func isDisclosure(_ node: HTMLNode, stats: PageStats) -> Bool {
        let chars = stats[node].chars
        guard chars >= 12, chars <= 1_200, containers.contains(node.name) else { return false }
        let text = node.textContent
        guard DisclosureLabels.mayHoldLabel(text) else { return false }
        return DisclosureLabels.labelCount(in: text.withoutSpaces) >= 3
    }
}
