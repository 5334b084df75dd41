import DocWatchCore
@testable import docwatch
import Foundation
import Testing

/// A named list of facts for the JSON test.
struct FactsCase: CustomTestStringConvertible, Sendable {
    let name: String
    let facts: [Fact]
    var testDescription: String { name }
}

/// `extract --json` writes facts by hand; the bytes must be JSONEncoder's, so its output does not change.
@Suite("Facts JSON written by hand")
struct FactsJSONTests {
    @Test("The hand-written facts array is byte for byte what DocWatchJSON's encoder writes", arguments: [
        FactsCase(name: "no facts", facts: []),
        FactsCase(name: "a percent and a quantity", facts: [
            Fact(kind: .percent, text: "100%", offset: 197, value: 100, subject: "增长率"),
            Fact(kind: .quantity, text: "4张", offset: 231, value: 4, unit: "张", qualifier: "约"),
        ]),
        FactsCase(name: "fractions, negatives, huge and tiny numbers", facts: [
            Fact(kind: .change, text: "由0.1%降至-0.197%", offset: 0, from: 0.1, to: -0.197),
            Fact(kind: .quantity, text: "1亿亿元", offset: 5, value: 1e16, unit: "元"),
            Fact(kind: .quantity, text: "12万亿元", offset: 9, value: 12_000_000_000_000, unit: "元"),
            Fact(kind: .percent, text: "0.0001%", offset: 12, value: 0.0001),
            Fact(kind: .percent, text: "-0%", offset: 13, value: -0.0),
            Fact(kind: .quantity, text: "3.14159265358979个", offset: 14, value: 3.14159265358979, unit: "个"),
        ]),
        FactsCase(name: "every string field, with quotes, slashes and control characters", facts: [
            Fact(kind: .docNumber, text: "财税[2011]117号", offset: 23, issuer: "财税", year: 2011, number: 117),
            Fact(kind: .citation, text: "《\"关于\"/通知》", offset: 40, name: "\"关于\"/通知\\附件"),
            Fact(kind: .region, text: "广元", offset: 60, name: "广元市", code: "510800"),
            Fact(kind: .organization, text: "国务院\t办公厅\n", offset: 70, name: "国务院\u{1}办公厅"),
        ]),
        FactsCase(name: "a number that is not finite (the encoder refuses it: no facts)", facts: [
            Fact(kind: .percent, text: "1%", offset: 0, value: 1),
            Fact(kind: .quantity, text: "∞", offset: 2, value: .infinity),
        ]),
    ])
    func matchesEncoder(_ example: FactsCase) throws {
        var line = JSONLine()
        line.field("facts", facts: example.facts)
        let expected = example.facts.isEmpty ? nil : try? DocWatchJSON.encoder().encode(example.facts)
        let expectedLine = "{\"facts\":" + (expected.map { String(decoding: $0, as: UTF8.self) } ?? "[]") + "}\n"
        #expect(String(decoding: line.finish(), as: UTF8.self) == expectedLine)
    }
}
