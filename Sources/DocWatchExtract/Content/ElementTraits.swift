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
        guard node["class"] != nil || node["id"] != nil else { return 0 }
        let hints = node.idAndClass
        var weight = 0.0
        if contentHints.contains(where: { hints.containsBytes($0) }) { weight += 25 }
        if furnitureHints.contains(where: { hints.containsBytes($0) }) { weight -= 25 }
        return weight
    }

    /// Whether a block inside the article is furniture by its class/id (share bars, pagers …).
    static func isInnerFurniture(_ node: HTMLNode) -> Bool {
        guard node["class"] != nil || node["id"] != nil else { return false }
        let hints = node.idAndClass
        if contentHints.contains(where: { hints.containsBytes($0) }) { return false }
        return innerFurnitureHints.contains(where: { hints.containsBytes($0) })
    }
}
