import DocWatchCore
/// Finds what a figure measures: the words just before it (规模以上工业企业复工面99.7%), without the
/// verbs that link them to the figure (已经提升至) and the scope words that open a clause (目前, 全省).
enum SubjectFinder {
    private static let maxLength = 20

    /// Stripped from the end of the words before a figure, repeatedly.
    private static let linkWords = WordTable([
        "提升至", "提升到", "提高至", "提高到", "上升至", "上升到", "增长至", "增长到", "增加到", "增加至",
        "下降至", "下降到", "降低至", "降低到", "降至", "降到", "增至", "升至", "达到", "达", "为", "是", "约为",
        "约", "占", "超过", "超", "在", "普遍", "均", "已经", "已", "累计", "同比增长", "同比下降", "同比", "增长",
        "下降", "提升", "提高", "实现", "保持在", "稳定在", "分别为", "分别", "仅", "高达", "近", "了", "的", "至",
        "到", "将", "仍", "也", "还", "共", "总计", "合计", "不足", "逾", "大约", "更", "再", "又", "则", "就", "约有", "有",
    ])

    /// Stripped from the start of the words before a figure, repeatedly.
    private static let scopeWords = WordTable([
        "目前", "当前", "全省", "全市", "全国", "全区", "全县", "我省", "我市", "我国", "本市", "本省", "其中",
        "今年", "去年", "当年", "全年", "同时", "此外", "另外", "一季度", "上半年", "下半年", "前三季度", "同期",
        "年内", "年底", "当月", "截至", "预计", "初步统计", "据统计", "的", "约有", "有",
    ])

    /// The subject ending at `end` and starting no earlier than `floor`, or nil.
    static func before(_ end: Int, in text: ScalarText, floor: Int) -> Range<Int>? {
        var end = end
        if end - 1 > floor && ScalarClass.isSpace(text[end - 1]) && isWordScalar(text[end - 2]) { end -= 1 }
        var start = end
        while start > floor && isWordScalar(text[start - 1]) { start -= 1 }
        return trimmed(start..<end, in: text)
    }

    /// The subject starting at `start`, for a figure that opens its clause (全省99.7%规模以上工业企业复工).
    static func after(_ start: Int, in text: ScalarText) -> Range<Int>? {
        var end = start
        while end < text.count && end - start < maxLength && isWordScalar(text[end])
            && !ScalarClass.isDigit(text[end]) {
            end += 1
        }
        return trimmed(start..<end, in: text)
    }

    private static func trimmed(_ range: Range<Int>, in text: ScalarText) -> Range<Int>? {
        var (start, end) = (range.lowerBound, range.upperBound)
        while end > start, let link = linkWords.match(in: text, endingAt: end, floor: start) { end -= link.length }
        while start < end, let scope = scopeWords.match(in: text, at: start), start + scope.length <= end {
            start += scope.length
        }
        if end - start > maxLength { start = end - maxLength }
        return end - start >= 2 ? start..<end : nil
    }

    private static func isWordScalar(_ value: UInt32) -> Bool {
        Han.isIdeograph(value) || ScalarClass.isASCIILetter(value) || ScalarClass.isDigit(value)
    }
}
