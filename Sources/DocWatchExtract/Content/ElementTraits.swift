/// What the extractor knows about element names and class/id hints.
enum ElementTraits {
    /// Class/id words of Chinese CMSs and common templates that mark the article body.
    static let contentHints = [
        "trs_editor", "ucap-content", "pages_content", "article", "content", "zoom", "artibody", "main_text",
        "maintext", "entry", "post", "detail", "text", "body", "story", "news_txt", "cont", "wenzhang", "zhengwen",
        "neirong",
    ]

    /// Class/id words that mark site furniture.
    static let furnitureHints = [
        "comment", "footer", "foot", "nav", "menu", "breadcrumb", "crumb", "share", "sidebar", "side", "related",
        "relate", "hot", "rank", "recommend", "tag", "pager", "prev", "next", "copyright", "login", "banner",
        "header", "topbar", "position", "location", "bottom", "statement", "disclaimer", "shengming", "xgxw",
        "xiangguan", "tuijian", "paihang", "fenxiang", "weizhi", "toolbar", "tool", "print", "jubao", "qrcode",
        "erweima", "friendlink", "links", "copy", "advert", "ads", "more", "list",
    ]

    /// Furniture words strong enough to drop a block even inside the chosen article container.
    static let innerFurnitureHints = [
        "comment", "share", "breadcrumb", "crumb", "related", "relate", "pager", "prev", "next", "copyright",
        "statement", "disclaimer", "xgxw", "xiangguan", "tuijian", "fenxiang", "toolbar", "qrcode", "erweima",
        "jubao", "print", "hot", "rank", "recommend", "tag", "advert", "footer", "nav", "position", "location",
        "editor", "bianji", "source", "laiyuan", "info", "time", "date", "author", "byline", "meta", "subtitle",
    ]

    /// A `<form>` holding under half the text around it: a comment box or a poll. (ASP.NET pages
    /// wrap the whole page in one form, which must not count as furniture.)
    static func isSmallForm(_ node: HTMLNode, of totalChars: Int, stats: PageStats) -> Bool {
        node.name == "form" && stats[node].chars * 2 < totalChars
    }

    /// Class/id hint weight: positive for article containers, negative for furniture.
    static func hintWeight(_ node: HTMLNode) -> Double {
        guard let hints = HintBytes(node) else { return 0 }
        var weight = 0.0
        if hints.containsAny(contentHintBytes) { weight += 25 }
        if hints.containsAny(furnitureHintBytes) { weight -= 25 }
        return weight
    }

    /// Whether a block inside the article is furniture by its class/id (share bars, pagers …).
    static func isInnerFurniture(_ node: HTMLNode) -> Bool {
        guard let hints = HintBytes(node) else { return false }
        if hints.containsAny(contentHintBytes) { return false }
        return hints.containsAny(innerFurnitureHintBytes)
    }

    private static let contentHintBytes = contentHints.map { Array($0.utf8) }
    private static let furnitureHintBytes = furnitureHints.map { Array($0.utf8) }
    private static let innerFurnitureHintBytes = innerFurnitureHints.map { Array($0.utf8) }
}

/// `HTMLNode.idAndClass` as UTF-8 bytes, built without a `String` when id and class are ASCII (the
/// usual case: ASCII lower-casing is then Unicode lower-casing), searched for hint words in place.
private struct HintBytes {
    let bytes: [UInt8]

    /// Nil when the element has neither `id` nor `class`.
    init?(_ node: HTMLNode) {
        let id = node["id"]
        let classes = node["class"]
        guard id != nil || classes != nil else { return nil }
        let idBytes = id?.utf8 ?? "".utf8
        let classBytes = classes?.utf8 ?? "".utf8
        if idBytes.allSatisfy({ $0 < 0x80 }) && classBytes.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(idBytes.count + classBytes.count + 1)
            bytes.append(contentsOf: idBytes)
            bytes.append(0x20)
            bytes.append(contentsOf: classBytes)
            for index in bytes.indices where bytes[index] >= 0x41 && bytes[index] <= 0x5A { bytes[index] |= 0x20 }
            self.bytes = bytes
        } else {
            bytes = Array(node.idAndClass.utf8)
        }
    }

    /// Whether any of `words` occurs in the bytes.
    func containsAny(_ words: [[UInt8]]) -> Bool {
        bytes.withUnsafeBufferPointer { haystack in
            words.contains { ByteSearch.find($0, in: haystack) != nil }
        }
    }
}
