/// A number found in the text with what stands around it: the raw material of percents, changes
/// and quantities.
struct Figure {
    /// The span: from a leading qualifier (近, 超过) to a trailing one (以上, 左右).
    var range: Range<Int>
    /// Where the number itself starts.
    var numberStart: Int
    /// The number with its magnitude (万, 亿) applied; a percent keeps its figure (99.7).
    var value: Double
    var isPercent: Bool
    var hasMagnitude: Bool
    /// In folded (Simplified) form.
    var unit: String?
    var qualifier: String?

    /// Whether the figure says something on its own: a percent, a unit, or a 万/亿 magnitude.
    var isMeasure: Bool { isPercent || unit != nil || hasMagnitude }
}
