import DocWatchCore
import Testing

@Suite("Facts: percent")
struct FactsPercentTests {
    static let cases: [FactCase] = [
        FactCase("subject right before the figure", "规模以上工业企业复工面99.7%",
                 Fact(kind: .percent, text: "99.7%", offset: 11, value: 99.7, subject: "规模以上工业企业复工面")),
        FactCase("linking verbs and scope words are not the subject", "目前，全省规模以上工业企业复工面已经提升至99.7%。",
                 Fact(kind: .percent, text: "99.7%", offset: 21, value: 99.7, subject: "规模以上工业企业复工面")),
        FactCase("full-width digits and sign", "复工率达到８５％",
                 Fact(kind: .percent, text: "８５％", offset: 5, value: 85, subject: "复工率")),
        FactCase("百分之 with Chinese numerals", "存活机率降至百分之五十",
                 Fact(kind: .percent, text: "百分之五十", offset: 6, value: 50, subject: "存活机率")),
        FactCase("百分之 with a decimal point", "完成率为百分之九十九点七",
                 Fact(kind: .percent, text: "百分之九十九点七", offset: 4, value: 99.7, subject: "完成率")),
        FactCase("figure opening its clause takes the words after it", "全省99.7%規模以上工業企業復工",
                 Fact(kind: .percent, text: "99.7%", offset: 2, value: 99.7, subject: "規模以上工業企業復工")),
        FactCase("a lone figure has no subject", "（95%）",
                 Fact(kind: .percent, text: "95%", offset: 1, value: 95)),
        FactCase("a negative figure", "工业增加值同比-3.2%",
                 Fact(kind: .percent, text: "-3.2%", offset: 7, value: -3.2, subject: "工业增加值")),
    ]

    @Test(arguments: cases)
    func percent(_ testCase: FactCase) {
        expectSingleFact(testCase)
    }

    static let negatives: [NoFactCase] = [
        NoFactCase("a number without a sign", "复工面99.7", .percent),
        NoFactCase("百分之 with nothing after it", "百分之", .percent),
        NoFactCase("both ends of a change make one change, not two percents", "返岗率由75.6%提升至94%", .percent),
    ]

    @Test(arguments: negatives)
    func notPercent(_ testCase: NoFactCase) {
        expectNoFact(testCase)
    }
}
