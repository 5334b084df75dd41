@testable import DocWatchExtract
import Testing

/// `HTMLAttributes` keeps exactly the names in `kept` (matched by packed bytes, not by string) and
/// tells a title hint in any case, without reading past a value's end.
@Suite("HTML attributes")
struct HTMLAttributesTests {
    @Test func keepsEveryKeptNameInOrder() throws {
        let names = HTMLAttributes.kept.map(\.key)
        let markup = names.enumerated().map { "\($1)=\"v\($0)\"" }.joined(separator: " ")
        let root = HTMLParser.parse("<body><div \(markup)>a</div></body>")
        let element = try #require(root.first("div"))
        #expect(element.attributePairs.map(\.name) == names)
        #expect(element.attributePairs.map(\.value) == names.indices.map { "v\($0)" })
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let attribute: String
        var testDescription: String { name }
    }

    static let nearMisses: [Case] = [
        Case(name: "a prefix of a kept name", attribute: "i"),
        Case(name: "a kept name with more after it", attribute: "ids"),
        Case(name: "a kept name of eight bytes with more", attribute: "hreflangs"),
        Case(name: "a kept name of ten bytes with more", attribute: "http-equivalent"),
        Case(name: "longer than sixteen bytes", attribute: "aria-labelledby-something"),
        Case(name: "a data attribute", attribute: "data-id"),
        Case(name: "a style", attribute: "style"),
    ]

    @Test(arguments: nearMisses)
    func dropsNamesThatAreNotKept(_ example: Case) throws {
        let root = HTMLParser.parse("<body><div \(example.attribute)=\"x\" id=\"k\">a</div></body>")
        let element = try #require(root.first("div"))
        #expect(element.attributePairs.map(\.name) == ["id"])
    }

    static let titleHints: [(markup: String, hint: Bool)] = [
        ("class=\"TiTlE\"", true), ("id=\"news_title2\"", true), ("class=\"titl\"", false),
        ("class=\"t\"", false), ("class=\"\"", false), ("title=\"title\"", false), ("class=\"sub-tITLE-x\"", true),
    ]

    @Test(arguments: titleHints)
    func titleHintInClassOrID(_ example: (markup: String, hint: Bool)) throws {
        let root = HTMLParser.parse("<body><div \(example.markup)>a</div></body>")
        let element = try #require(root.first("div"))
        #expect(element.kindFlags.contains(.titleHint) == example.hint)
    }
}
