/// One parsed page and the views of it the extractor's stages share.
struct ParsedPage {
    let html: String
    let root: HTMLNode
    let body: HTMLNode
    let meta: MetaTags
    let stats: PageStats
    let runs: PageRuns
    /// `<title>`, whitespace folded.
    let titleTag: String
    /// `titleTag` split at the separators between headline, column and site name.
    let titleSegments: [String]

    init(html: String) {
        self.html = html
        root = HTMLParser.parse(html)
        body = root.first("body") ?? root
        let head = HeadElements(root: root)
        meta = MetaTags(metas: head.metas)
        stats = PageStats(root: body, count: root.nodeCount)
        runs = PageRuns(root: body, count: root.nodeCount)
        // Some templates print two `<title>`s (the article's and the site's): the longer is the article's.
        titleTag = (head.titlesInFirstHead.isEmpty ? head.titles : head.titlesInFirstHead).map(\.textContent.spaceFolded).filter { !MetaTags.isMojibake($0) }
            .max { $0.unicodeScalars.count < $1.unicodeScalars.count } ?? ""
        titleSegments = TitleFinder.segments(of: titleTag)
    }

    /// `lang` of `<html>`, if any.
    var language: String? { root.first("html")?["lang"] }
}

/// The `<meta>` and `<title>` elements of a page, gathered in one walk of the tree.
struct HeadElements {
    /// Every `<meta>` below the root, in document order.
    private(set) var metas: [HTMLNode] = []
    /// Every `<title>` below the root, in document order.
    private(set) var titles: [HTMLNode] = []
    /// The `<title>`s below the first `<head>` (`root.first("head")?.all("title")`).
    private(set) var titlesInFirstHead: [HTMLNode] = []
    private var sawHead = false

    init(root: HTMLNode) {
        collect(root, inFirstHead: false)
    }

    private mutating func collect(_ node: HTMLNode, inFirstHead: Bool) {
        for child in node.children where child.kind == .element {
            var childInFirstHead = inFirstHead
            // `meta`, `title` and `head` are all furniture: the flag test spares most name comparisons.
            if child.kindFlags.contains(.furniture) {
                switch child.name {
                case "meta": metas.append(child)
                case "title":
                    titles.append(child)
                    if inFirstHead { titlesInFirstHead.append(child) }
                case "head" where !sawHead:
                    sawHead = true
                    childInFirstHead = true
                default: break
                }
            }
            collect(child, inFirstHead: childInFirstHead)
        }
    }
}
