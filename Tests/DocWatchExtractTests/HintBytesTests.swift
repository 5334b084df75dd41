import DocWatchCore
@testable import DocWatchExtract
import Testing

@Suite("Class/id hints from bytes")
struct HintBytesTests {
    @Test("Class/id hints read from bytes weigh as the lower-cased idAndClass string does", arguments: [
        NamedText(name: "an article class", text: #"<div class="TRS_Editor">x</div>"#),
        NamedText(name: "furniture by id", text: #"<div id="NavBar">x</div>"#),
        NamedText(name: "both", text: #"<div id="content" class="share-bar">x</div>"#),
        NamedText(name: "neither hint", text: #"<div class="wrap">x</div>"#),
        NamedText(name: "a Kelvin sign that lower-cases to k", text: "<div class=\"ran\u{212A}\">x</div>"),
        NamedText(name: "Chinese class words", text: #"<div class="正文 Article">x</div>"#),
        NamedText(name: "an inner-furniture word", text: #"<div class="Editor">x</div>"#),
    ])
    func hintWeights(_ page: NamedText) throws {
        let node = try #require(HTMLParser.parse(page.text).first("div"))
        let hints = node.idAndClass
        var weight = 0.0
        if ElementTraits.contentHints.contains(where: { hints.containsBytes($0) }) { weight += 25 }
        if ElementTraits.furnitureHints.contains(where: { hints.containsBytes($0) }) { weight -= 25 }
        #expect(ElementTraits.hintWeight(node) == weight)
        let inner = !ElementTraits.contentHints.contains(where: { hints.containsBytes($0) })
            && ElementTraits.innerFurnitureHints.contains(where: { hints.containsBytes($0) })
        #expect(ElementTraits.isInnerFurniture(node) == inner)
    }
}
