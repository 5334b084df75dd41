import DocWatchCore
import Testing

@Suite("Facts: change")
struct FactsChangeTests {
    static let cases: [FactCase] = [
        FactCase("由…提升至 with percents", "目前，人员返岗率由75.6%提升至94%；",
                 Fact(kind: .change, text: "人员返岗率由75.6%提升至94%", offset: 3, unit: "%", subject: "人员返岗率",
                      from: 75.6, to: 94)),
        FactCase("从…提升到 with units and magnitudes", "医用防护服日产量从100件大幅提升到最高13万件",
                 Fact(kind: .change, text: "医用防护服日产量从100件大幅提升到最高13万件", offset: 0, unit: "件",
                      subject: "医用防护服日产量", from: 100, to: 130_000)),
        FactCase("从…增长到 with money", "销售额从5亿元增长到8.2亿元",
                 Fact(kind: .change, text: "销售额从5亿元增长到8.2亿元", offset: 0, unit: "元", subject: "销售额",
                      from: 500_000_000, to: 820_000_000)),
        FactCase("由…下降至", "城镇失业率由5.2%下降至4.8%",
                 Fact(kind: .change, text: "城镇失业率由5.2%下降至4.8%", offset: 0, unit: "%", subject: "城镇失业率",
                      from: 5.2, to: 4.8)),
        FactCase("a date between 从 and the old figure", "日产量从1月28日不足100万只增加到1200万只",
                 Fact(kind: .change, text: "日产量从1月28日不足100万只增加到1200万只", offset: 0, unit: "只",
                      subject: "日产量", from: 1_000_000, to: 12_000_000)),
        FactCase("Traditional script", "人員返崗率由75.6%提升至94%",
                 Fact(kind: .change, text: "人員返崗率由75.6%提升至94%", offset: 0, unit: "%", subject: "人員返崗率",
                      from: 75.6, to: 94)),
    ]

    @Test(arguments: cases)
    func change(_ testCase: FactCase) {
        expectSingleFact(testCase)
    }

    static let negatives: [NoFactCase] = [
        NoFactCase("由于 is not 由", "由于疫情影响，产能恢复至80%", .change),
        NoFactCase("a rise with no old value", "复工面已经提升至99.7%", .change),
        NoFactCase("two figures in different units", "由5家企业增加到8亿元", .change),
        NoFactCase("a clause break between the figures", "由75.6%，提升至94%", .change),
        NoFactCase("a range is not a change", "加价幅度从350元至1000元不等", .change),
    ]

    @Test(arguments: negatives)
    func notChange(_ testCase: NoFactCase) {
        expectNoFact(testCase)
    }
}
