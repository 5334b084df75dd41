import DocWatchCore
import Testing

@Suite("Facts: citation")
struct FactsCitationTests {
    static let cases: [FactCase] = [
        FactCase("the title without its marks", "印发《关于促进企业复工复产的若干意见》",
                 Fact(kind: .citation, text: "关于促进企业复工复产的若干意见", offset: 3, name: "关于促进企业复工复产的若干意见")),
        FactCase("nested <> kept", "《关于印发<宁波市加快复工复产行动方案>的通知》",
                 Fact(kind: .citation, text: "关于印发<宁波市加快复工复产行动方案>的通知", offset: 1,
                      name: "关于印发<宁波市加快复工复产行动方案>的通知")),
        FactCase("nested 〈〉 kept", "《关于印发〈行动方案〉的通知》",
                 Fact(kind: .citation, text: "关于印发〈行动方案〉的通知", offset: 1, name: "关于印发〈行动方案〉的通知")),
        FactCase("nested 《》 kept whole", "《关于转发《实施办法》的通知》",
                 Fact(kind: .citation, text: "关于转发《实施办法》的通知", offset: 1, name: "关于转发《实施办法》的通知")),
        FactCase("Traditional script", "印發《關於支持應用工業互聯網平臺的通知》",
                 Fact(kind: .citation, text: "關於支持應用工業互聯網平臺的通知", offset: 3, name: "關於支持應用工業互聯網平臺的通知")),
        FactCase("spaces inside the marks trimmed", "《 先进制造业集群三年行动计划 》",
                 Fact(kind: .citation, text: "先进制造业集群三年行动计划", offset: 2, name: "先进制造业集群三年行动计划")),
    ]

    @Test(arguments: cases)
    func citation(_ testCase: FactCase) {
        expectSingleFact(testCase)
    }

    static let negatives: [NoFactCase] = [
        NoFactCase("《》 with nothing inside", "根据《》规定", .citation),
        NoFactCase("《》 with only spaces inside", "根据《  》规定", .citation),
        NoFactCase("an unclosed 《", "根据《未完的标题", .citation),
        NoFactCase("a title broken by a line end", "《上一行\n下一行》", .citation),
    ]

    @Test(arguments: negatives)
    func notCitation(_ testCase: NoFactCase) {
        expectNoFact(testCase)
    }
}
