import DocWatchCore
import DocWatchExtract
import Testing

/// One named case: a text and the fact it must yield (every field compared).
struct FactCase: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    let fact: Fact

    init(_ name: String, _ text: String, _ fact: Fact) {
        self.name = name
        self.text = text
        self.fact = fact
    }

    var testDescription: String { name }
}

/// One named case of a text that must yield no fact of a kind.
struct NoFactCase: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    let kind: Fact.Kind

    init(_ name: String, _ text: String, _ kind: Fact.Kind) {
        self.name = name
        self.text = text
        self.kind = kind
    }

    var testDescription: String { name }
}

/// Expects `facts(in: text)` to hold exactly one fact of the case's kind, equal to the case's fact.
func expectSingleFact(_ testCase: FactCase, sourceLocation: SourceLocation = #_sourceLocation) {
    let found = FactExtractor().facts(in: testCase.text).filter { $0.kind == testCase.fact.kind }
    #expect(found == [testCase.fact], sourceLocation: sourceLocation)
}

/// Expects `facts(in: text)` to hold no fact of the case's kind.
func expectNoFact(_ testCase: NoFactCase, sourceLocation: SourceLocation = #_sourceLocation) {
    let found = FactExtractor().facts(in: testCase.text).filter { $0.kind == testCase.kind }
    #expect(found.isEmpty, "found \(found.map(\.text))", sourceLocation: sourceLocation)
}

@Suite("FactExtractor")
struct FactsExtractorTests {
    @Test("an empty text has no facts")
    func emptyText() {
        #expect(FactExtractor().facts(in: "").isEmpty)
    }

    @Test("facts come ordered by offset, whatever their kind")
    func orderedByOffset() {
        let text = "江苏省工业和信息化厅印发《行动计划》，新建5G基站5.2万座，复工面99.7%。"
        let offsets = FactExtractor().facts(in: text).map(\.offset)
        #expect(offsets == offsets.sorted())
        let kinds = Set(FactExtractor().facts(in: text).map(\.kind))
        #expect(kinds == [.region, .organization, .citation, .quantity, .percent])
    }

    @Test("offsets count Unicode scalars, not UTF-16 units or bytes")
    func offsetsCountScalars() {
        let facts = FactExtractor().facts(in: "𠀀😀新建5.2万座")
        #expect(facts.map(\.offset) == [4])
        #expect(facts.first?.text == "5.2万座")
    }

    @Test("one paragraph a line: no fact spans a line break")
    func linesAreSeparate() {
        let facts = FactExtractor().facts(in: "《第一行\n第二行》\n江苏")
        #expect(facts.map(\.kind) == [.region])
        #expect(facts.first?.offset == 10)
    }
}
