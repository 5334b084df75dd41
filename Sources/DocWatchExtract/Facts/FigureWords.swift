import DocWatchCore
/// The words around a number: magnitudes, units, qualifiers, and what marks a date or an ordinal.
enum FigureWords {
    /// 万, 亿 … as powers of ten. A unit that starts with one of these (千瓦, 百分点) is tried first.
    static let magnitudes = WordTable(["万亿", "千亿", "百亿", "十亿", "亿", "千万", "百万", "十万", "万", "千", "百"])
    /// The power of ten of each of `magnitudes`.
    static let exponents = [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]

    /// Units of count, money, mass, energy, length, area, volume and time spans; never 年/月/日/时.
    static let units = WordTable([
        "个百分点", "百分点", "个小时", "个工作日", "元", "美元", "欧元", "日元", "港元", "英镑", "家", "座", "项", "吨", "个", "个月",
        "户", "人", "人次", "名", "位", "辆", "千瓦", "千瓦时", "兆瓦", "吉瓦", "瓦", "度", "件", "只", "台",
        "套", "条", "场", "批", "所", "间", "栋", "幢", "处", "块", "张", "份", "本", "架", "艘", "列", "根",
        "株", "头", "箱", "瓶", "盒", "片", "支", "双", "种", "类", "款", "次", "倍", "公里", "千米", "米",
        "平方米", "平方公里", "亩", "公顷", "立方米", "千克", "公斤", "克", "升", "毫升", "斤", "天", "小时",
        "分钟", "岁", "篇", "册", "轮", "组", "笔", "起", "宗", "例", "剂", "枚", "颗", "粒", "口", "床",
    ])

    static let unitSet = Set(units.words)

    /// What may follow a unit after a slash (只/天, 元/吨).
    static let perUnits = WordTable(["天", "日", "年", "月", "人", "次", "吨", "小时", "台", "件", "平方米"])

    /// Qualifiers written before the number.
    static let leadingQualifiers = WordTable(["超过", "将近", "不足", "不到", "大约", "近", "超", "约", "逾"])
    /// Qualifiers between the number and its unit.
    static let innerQualifiers = WordTable(["多", "余"])
    /// Qualifiers after the unit.
    static let trailingQualifiers = WordTable(["以上", "以下", "左右", "以内", "之多"])

    /// After a number these make it a date, a time or part of a code, never a quantity.
    static let dateMarks = WordTable(["年", "月", "日", "号", "时", "点", "分", "秒", "季度", "世纪", "周年"])

    /// Before a number these make it an ordinal or a vague count (第三, 数十, 几百, 上千).
    static let ordinalMarks = ScalarSet("第数几上")

    /// `%`; the full-width ％ is folded onto it.
    static let percentSign: UInt32 = 0x25
    static let percentWord = "百分之".unicodeScalars.map(\.value)
}
