import DocWatchCore
import Testing

@Suite("Facts: organization")
struct FactsOrganizationTests {
    static let cases: [FactCase] = [
        FactCase("provincial department", "江苏省工业和信息化厅副厅长李锋",
                 Fact(kind: .organization, text: "江苏省工业和信息化厅", offset: 0, name: "江苏省工业和信息化厅")),
        FactCase("leading group office", "宁波市工业强市建设领导小组办公室\n2020年2月26日",
                 Fact(kind: .organization, text: "宁波市工业强市建设领导小组办公室", offset: 0,
                      name: "宁波市工业强市建设领导小组办公室")),
        FactCase("national bureau, Traditional", "據國家稅務總局統計",
                 Fact(kind: .organization, text: "國家稅務總局", offset: 1, name: "国家税务总局")),
        FactCase("government general office", "江苏省人民政府办公厅关于",
                 Fact(kind: .organization, text: "江苏省人民政府办公厅", offset: 0, name: "江苏省人民政府办公厅")),
        FactCase("国务院 on its own", "党中央、国务院关于",
                 Fact(kind: .organization, text: "国务院", offset: 4, name: "国务院")),
        FactCase("central ministry without a prefix", "财政部、税务总局联合发布",
                 Fact(kind: .organization, text: "财政部", offset: 0, name: "财政部")),
        FactCase("central ministry opening a longer name", "商务部研究院发布报告",
                 Fact(kind: .organization, text: "商务部研究院", offset: 0, name: "商务部研究院")),
        FactCase("bank", "据中国人民银行数据",
                 Fact(kind: .organization, text: "中国人民银行", offset: 1, name: "中国人民银行")),
        FactCase("municipal bureau", "南京市交通运输局发布",
                 Fact(kind: .organization, text: "南京市交通运输局", offset: 0, name: "南京市交通运输局")),
        FactCase("company", "宁波海天塑机集团有限公司生产",
                 Fact(kind: .organization, text: "宁波海天塑机集团有限公司", offset: 0, name: "宁波海天塑机集团有限公司")),
    ]

    @Test(arguments: cases)
    func organization(_ testCase: FactCase) {
        expectSingleFact(testCase)
    }

    static let negatives: [NoFactCase] = [
        NoFactCase("部门 is not 部", "江苏省人社部门制定措施", .organization),
        NoFactCase("财政部门 is not 财政部", "各级财政部门", .organization),
        NoFactCase("布局 is not 局", "推进宁波防护产业布局建设", .organization),
        NoFactCase("not named in full", "省工业和信息化厅", .organization),
        NoFactCase("a count, not a name", "南京市多家医院", .organization),
        NoFactCase("a clause, not a name", "江苏省将加快推进", .organization),
    ]

    @Test(arguments: negatives)
    func notOrganization(_ testCase: NoFactCase) {
        expectNoFact(testCase)
    }
}
