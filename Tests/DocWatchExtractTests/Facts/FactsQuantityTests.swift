import DocWatchCore
import Testing

@Suite("Facts: quantity")
struct FactsQuantityTests {
    static let cases: [FactCase] = [
        FactCase("万 applied", "新建5G基站5.2万座",
                 Fact(kind: .quantity, text: "5.2万座", offset: 6, value: 52_000, unit: "座")),
        FactCase("亿 applied exactly", "完成投资11180.7亿元",
                 Fact(kind: .quantity, text: "11180.7亿元", offset: 4, value: 1_118_070_000_000, unit: "元")),
        FactCase("万亿 with a leading qualifier", "数字经济规模超过4万亿元",
                 Fact(kind: .quantity, text: "超过4万亿元", offset: 6, value: 4_000_000_000_000, unit: "元",
                      qualifier: "超过")),
        FactCase("Chinese numeral with 多", "累计推动三百多家企业",
                 Fact(kind: .quantity, text: "三百多家", offset: 4, value: 300, unit: "家", qualifier: "多")),
        FactCase("Chinese numeral with 余", "两千余家企业复工",
                 Fact(kind: .quantity, text: "两千余家", offset: 0, value: 2000, unit: "家", qualifier: "余")),
        FactCase("近", "一季度完成投资近600亿元",
                 Fact(kind: .quantity, text: "近600亿元", offset: 7, value: 60_000_000_000, unit: "元", qualifier: "近")),
        FactCase("左右 after the unit", "打造50条左右细分产业链",
                 Fact(kind: .quantity, text: "50条左右", offset: 2, value: 50, unit: "条", qualifier: "左右")),
        FactCase("a magnitude without a unit", "5000万以上工业投资项目",
                 Fact(kind: .quantity, text: "5000万以上", offset: 0, value: 50_000_000, qualifier: "以上")),
        FactCase("个百分点", "同比提高0.5个百分点",
                 Fact(kind: .quantity, text: "0.5个百分点", offset: 4, value: 0.5, unit: "个百分点")),
        FactCase("a rate per day", "口罩产能达到300万只/天",
                 Fact(kind: .quantity, text: "300万只/天", offset: 6, value: 3_000_000, unit: "只/天")),
        FactCase("Traditional magnitude and unit", "累計生産1.1萬噸",
                 Fact(kind: .quantity, text: "1.1萬噸", offset: 4, value: 11_000, unit: "吨")),
        FactCase("万 then 余", "11万余家企业",
                 Fact(kind: .quantity, text: "11万余家", offset: 0, value: 110_000, unit: "家", qualifier: "余")),
        FactCase("thousands separator", "销售1,200辆",
                 Fact(kind: .quantity, text: "1,200辆", offset: 2, value: 1200, unit: "辆")),
        FactCase("千瓦 is a unit, not a magnitude", "新增装机120万千瓦",
                 Fact(kind: .quantity, text: "120万千瓦", offset: 4, value: 1_200_000, unit: "千瓦")),
        FactCase("约", "协调約210家医院",
                 Fact(kind: .quantity, text: "約210家", offset: 2, value: 210, unit: "家", qualifier: "约")),
        FactCase("逾", "投入逾3000万元",
                 Fact(kind: .quantity, text: "逾3000万元", offset: 2, value: 30_000_000, unit: "元", qualifier: "逾")),
        FactCase("a minus sign", "利润-3.5亿元",
                 Fact(kind: .quantity, text: "-3.5亿元", offset: 2, value: -350_000_000, unit: "元")),
        FactCase("a qualifier inside the unit", "讨论进行了三个多小时",
                 Fact(kind: .quantity, text: "三个多小时", offset: 5, value: 3, unit: "个小时", qualifier: "多")),
        FactCase("a zero inside a Chinese numeral", "一千零五家",
                 Fact(kind: .quantity, text: "一千零五家", offset: 0, value: 1005, unit: "家")),
    ]

    @Test(arguments: cases)
    func quantity(_ testCase: FactCase) {
        expectSingleFact(testCase)
    }

    static let negatives: [NoFactCase] = [
        NoFactCase("a date", "2020年4月15日", .quantity),
        NoFactCase("a time", "10时30分", .quantity),
        NoFactCase("month ends", "3月底完成", .quantity),
        NoFactCase("an ordinal", "第3批名单", .quantity),
        NoFactCase("a number glued to Latin letters", "5G基站和N95口罩", .quantity),
        NoFactCase("a telephone number", "电话0574-88212221", .quantity),
        NoFactCase("a bare number", "8718企业服务平台", .quantity),
        NoFactCase("一 as an enumerator", "一是紧抓重点企业", .quantity),
        NoFactCase("a vague count", "数十家企业", .quantity),
        NoFactCase("a Chinese numeral without a unit", "三大核心任务", .quantity),
        NoFactCase("two digits side by side are not one number", "三四家企业", .quantity),
        NoFactCase("a year in Chinese numerals", "二〇二〇年", .quantity),
        NoFactCase("a date range with a hyphen", "2020-2025年", .quantity),
    ]

    @Test(arguments: negatives)
    func notQuantity(_ testCase: NoFactCase) {
        expectNoFact(testCase)
    }
}
