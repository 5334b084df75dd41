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
        meta = MetaTags(root: root)
        stats = PageStats(root: body, count: root.nodeCount)
        runs = PageRuns(root: body, count: root.nodeCount)
        // Some templates print two `<title>`s (the article's and the site's): the longer is the article's.
        let titles = root.first("head")?.all("title") ?? []
        titleTag = (titles.isEmpty ? root.all("title") : titles).map(\.textContent.spaceFolded).filter { !MetaTags.isMojibake($0) }
            .max { $0.unicodeScalars.count < $1.unicodeScalars.count } ?? ""
        titleSegments = TitleFinder.segments(of: titleTag)
    }

    /// `lang` of `<html>`, if any.
    var language: String? { root.first("html")?["lang"] }
}
