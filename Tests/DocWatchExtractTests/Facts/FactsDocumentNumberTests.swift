import DocWatchCore
import Testing

@Suite("Facts: doc_number")
struct FactsDocumentNumberTests {
    static let cases: [FactCase] = [
        FactCase("〔〕 inside parentheses", "（甬党发〔2020〕4号）",
                 Fact(kind: .docNumber, text: "甬党发〔2020〕4号", offset: 1, issuer: "甬党发", year: 2020, number: 4)),
        FactCase("[ ]", "国办发[2019]12号",
                 Fact(kind: .docNumber, text: "国办发[2019]12号", offset: 0, issuer: "国办发", year: 2019, number: 12)),
        FactCase("( )", "苏政发(2020)15号",
                 Fact(kind: .docNumber, text: "苏政发(2020)15号", offset: 0, issuer: "苏政发", year: 2020, number: 15)),
        FactCase("［ ］", "工信部联规［2021］3号",
                 Fact(kind: .docNumber, text: "工信部联规［2021］3号", offset: 0, issuer: "工信部联规", year: 2021, number: 3)),
        FactCase("（ ）", "财税（2020）8号",
                 Fact(kind: .docNumber, text: "财税（2020）8号", offset: 0, issuer: "财税", year: 2020, number: 8)),
        FactCase("【 】", "浙政办发【2020】7号",
                 Fact(kind: .docNumber, text: "浙政办发【2020】7号", offset: 0, issuer: "浙政办发", year: 2020, number: 7)),
        FactCase("a clause word before the issuer", "根据国发〔2020〕5号文件",
                 Fact(kind: .docNumber, text: "国发〔2020〕5号", offset: 2, issuer: "国发", year: 2020, number: 5)),
        FactCase("spaces around the year and number", "甬党发 〔2020〕 4 号",
                 Fact(kind: .docNumber, text: "甬党发 〔2020〕 4 号", offset: 0, issuer: "甬党发", year: 2020, number: 4)),
        FactCase("Traditional 號", "（中發〔2009〕6號）",
                 Fact(kind: .docNumber, text: "中發〔2009〕6號", offset: 1, issuer: "中發", year: 2009, number: 6)),
    ]

    @Test(arguments: cases)
    func documentNumber(_ testCase: FactCase) {
        expectSingleFact(testCase)
    }

    static let negatives: [NoFactCase] = [
        NoFactCase("no issuer", "（〔2020〕4号）", .docNumber),
        NoFactCase("a two-digit year", "甬党发〔20〕4号", .docNumber),
        NoFactCase("a year in brackets alone", "统计年鉴(2020)", .docNumber),
        NoFactCase("no 号", "甬党发〔2020〕4", .docNumber),
    ]

    @Test(arguments: negatives)
    func notDocumentNumber(_ testCase: NoFactCase) {
        expectNoFact(testCase)
    }
}
