import DocWatchCore
import Testing

@Suite("Facts: region")
struct FactsRegionTests {
    static let cases: [FactCase] = [
        FactCase("province, short name", "江苏制造业",
                 Fact(kind: .region, text: "江苏", offset: 0, name: "江苏", code: "320000")),
        FactCase("province, Traditional", "江蘇製造業",
                 Fact(kind: .region, text: "江蘇", offset: 0, name: "江苏", code: "320000")),
        FactCase("province, full name", "据江苏省统计",
                 Fact(kind: .region, text: "江苏省", offset: 1, name: "江苏省", code: "320000")),
        FactCase("prefecture, short name", "支持徐州发展",
                 Fact(kind: .region, text: "徐州", offset: 2, name: "徐州", code: "320300")),
        FactCase("prefecture, full name", "苏州市中小学",
                 Fact(kind: .region, text: "苏州市", offset: 0, name: "苏州市", code: "320500")),
        FactCase("prefecture, Traditional", "寧波年糕",
                 Fact(kind: .region, text: "寧波", offset: 0, name: "宁波", code: "330200")),
        FactCase("municipality", "北京市发布",
                 Fact(kind: .region, text: "北京市", offset: 0, name: "北京市", code: "110000")),
        FactCase("autonomous region", "内蒙古自治区人民政府",
                 Fact(kind: .region, text: "内蒙古自治区", offset: 0, name: "内蒙古自治区", code: "150000")),
        FactCase("autonomous prefecture, short form with 州", "延边州旅游",
                 Fact(kind: .region, text: "延边州", offset: 0, name: "延边州", code: "222400")),
        FactCase("吉林市 is the city", "吉林市松花江",
                 Fact(kind: .region, text: "吉林市", offset: 0, name: "吉林市", code: "220200")),
        FactCase("吉林 alone is the province", "吉林中东部",
                 Fact(kind: .region, text: "吉林", offset: 0, name: "吉林", code: "220000")),
        FactCase("special administrative region", "香港籍游客",
                 Fact(kind: .region, text: "香港", offset: 0, name: "香港", code: "810000")),
        FactCase("广东营商: 广东, not 东营", "优化广东营商环境",
                 Fact(kind: .region, text: "广东", offset: 2, name: "广东", code: "440000")),
    ]

    @Test(arguments: cases)
    func region(_ testCase: FactCase) {
        expectSingleFact(testCase)
    }

    static let negatives: [NoFactCase] = [
        NoFactCase("a lone 省", "省工信厅", .region),
        NoFactCase("a lone 市", "市经信局", .region),
        NoFactCase("推广元宇宙 is not 广元", "推广元宇宙应用", .region),
        NoFactCase("制定西部 is not 定西", "制定西部大开发政策", .region),
        NoFactCase("三明治 is not 三明", "早餐吃三明治", .region),
        NoFactCase("集中卫生 is not 中卫", "集中卫生整治", .region),
    ]

    @Test(arguments: negatives)
    func notRegion(_ testCase: NoFactCase) {
        expectNoFact(testCase)
    }
}
