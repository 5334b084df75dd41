@testable import DocWatchExtract
import Testing

/// `FurnitureLines.isFurniture` on its byte-wise prefix test and its bounded length test: bracketed
/// and bare prefixes, and fragments only on lines of at most 80 scalars, however many bytes they take.
@Suite("Furniture lines")
struct FurnitureLinesTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let line: String
        let furniture: Bool
        var testDescription: String { name }
    }

    static let article = "国务院办公厅关于进一步优化营商环境更好服务市场主体的实施意见，各省、自治区、直辖市人民政府。"

    static let cases: [Case] = [
        Case(name: "empty", line: "", furniture: false),
        Case(name: "a bare prefix", line: "责任编辑：张三", furniture: true),
        Case(name: "a prefix in ASCII brackets", line: "(责任编辑：张三)", furniture: true),
        Case(name: "a prefix in wide brackets", line: "【打印本页】", furniture: true),
        Case(name: "a prefix in 〔〕", line: "〔责编：李四〕", furniture: true),
        Case(name: "a prefix after two brackets is not one", line: "（（责任编辑：张三", furniture: false),
        Case(name: "a prefix later in the line", line: "本文责任编辑：张三", furniture: false),
        Case(name: "ASCII prefix", line: "Copyright 2024", furniture: true),
        Case(name: "a prefix's first bytes only", line: "当前", furniture: false),
        Case(name: "article text", line: article, furniture: false),
        Case(name: "a fragment on a short line", line: "京ICP备12345号", furniture: true),
        Case(name: "a fragment on a line of 80 Chinese scalars",
             line: String(repeating: "文", count: 76) + "版权所有", furniture: true),
        Case(name: "a fragment on a line of 81 Chinese scalars",
             line: String(repeating: "文", count: 77) + "未经授权", furniture: false),
        Case(name: "a fragment on a line of 80 ASCII scalars",
             line: String(repeating: "a", count: 76) + "ICP备", furniture: true),
        Case(name: "a fragment on a line of 81 ASCII scalars",
             line: String(repeating: "a", count: 77) + "ICP备", furniture: false),
    ]

    @Test(arguments: cases)
    func tellsFurniture(_ example: Case) {
        #expect(FurnitureLines.isFurniture(example.line) == example.furniture)
    }
}
