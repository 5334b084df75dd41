import DocWatchCore
@testable import DocWatchExtract
import Testing

@Suite("Class/id hints from bytes")
struct HintBytesTests {
    @Test("Class/id hints read from bytes weigh as the lower-cased idAndClass string does", arguments: [
        MarkupCase(name: "an article class", html: #"<div class="TRS_Editor">x</div>"#),
        MarkupCase(name: "furniture by id", html: #"<div id="NavBar">x</div>"#),
        MarkupCase(name: "both", html: #"<div id="content" class="share-bar">x</div>"#),
        MarkupCase(name: "neither hint", html: #"<div class="wrap">x</div>"#),
        MarkupCase(name: "a Kelvin sign that lower-cases to k", html: "<div class=\"ran\u{212A}\">x</div>"),
        MarkupCase(name: "Chinese class words", html: #"<div class="正文 Article">x</div>"#),
        MarkupCase(name: "an inner-furniture word", html: #"<div class="Editor">x</div>"#),
    ])
    func hintWeights(_ page: MarkupCase) throws {
        let node = try #require(HTMLParser.parse(page.html).first("div"))
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
