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
    /// Headline candidates below `body`: `<h1>`s, `<h2>`s, `<h3>`s, then elements whose class/id
    /// names a title, in document order within each rank (`TitleFinder`'s order).
    let headings: [HTMLNode]

    init(html: String) {
        self.html = html
        root = HTMLParser.parse(html)
        let head = HeadElements(root: root)
        body = head.body ?? root
        headings = head.headings
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

/// The elements several stages look for, gathered in one walk of the tree: `<meta>`s and
/// `<title>`s, the first `<body>`, and the headline candidates below it.
struct HeadElements {
    /// Every `<meta>` below the root, in document order.
    private(set) var metas: [HTMLNode] = []
    /// Every `<title>` below the root, in document order.
    private(set) var titles: [HTMLNode] = []
    /// The `<title>`s below the first `<head>` (`root.first("head")?.all("title")`).
    private(set) var titlesInFirstHead: [HTMLNode] = []
    /// The first `<body>` (`root.first("body")`).
    private(set) var body: HTMLNode?
    private var sawHead = false
    /// Headline candidates by rank (h1, h2, h3, title hint), below the first `<body>` and anywhere.
    private var rankedInBody: [[HTMLNode]] = [[], [], [], []]
    private var rankedAnywhere: [[HTMLNode]] = [[], [], [], []]

    init(root: HTMLNode) {
        collect(root, inFirstHead: false, inBody: false)
    }

    /// The headline candidates below `body ?? root`, rank by rank.
    var headings: [HTMLNode] {
        (body == nil ? rankedAnywhere : rankedInBody).flatMap { $0 }
    }

    private mutating func collect(_ node: HTMLNode, inFirstHead: Bool, inBody: Bool) {
        for child in node.children where child.kind == .element {
            var childInFirstHead = inFirstHead
            var childInBody = inBody
            let flags = child.kindFlags
            // `meta`, `title` and `head` are all furniture: the flag test spares most name comparisons.
            if flags.contains(.furniture) {
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
            // `body` and `h1`…`h3` are blocks.
            if flags.contains(.block) || flags.contains(.titleHint) {
                let rank: Int?
                switch child.name {
                case "h1": rank = 0
                case "h2": rank = 1
                case "h3": rank = 2
                case "body" where body == nil:
                    body = child
                    childInBody = true
                    rank = flags.contains(.titleHint) ? 3 : nil
                default: rank = flags.contains(.titleHint) ? 3 : nil
                }
                if let rank {
                    rankedAnywhere[rank].append(child)
                    if inBody { rankedInBody[rank].append(child) }
                }
            }
            collect(child, inFirstHead: childInFirstHead, inBody: childInBody)
        }
    }
}
