/// A page's article body: the chosen container and its text lines, furniture removed.
struct MainContent {
    /// The container the text came from.
    let node: HTMLNode
    /// One paragraph, heading, list item or table row a line.
    let lines: [String]

    init(body: HTMLNode, stats: PageStats, headline: String) {
        let node = ContentScorer(stats: stats).best(in: body) ?? body
        self.node = node
        let rendered = ContentRenderer(stats: stats).lines(of: node)
        let headlineKey = headline.withoutSpaces
        var lines: [String] = []
        for (index, line) in rendered.enumerated() {
            if FurnitureLines.isFurniture(line) { continue }
            if index < 6, Self.isHeaderLine(line, headlineKey: headlineKey) { continue }
            lines.append(line)
        }
        self.lines = lines
    }

    /// The headline repeated, or a short byline (`2020-04-15 来源：… 浏览：…`) above the text.
    private static func isHeaderLine(_ line: String, headlineKey: String) -> Bool {
        let key = line.withoutSpaces
        if !headlineKey.isEmpty, key == headlineKey { return true }
        guard key.unicodeScalars.count <= 100, DateScanner.first(in: line) != nil else { return false }
        return BylineLabels.fields(in: line).contains { $0.field != .date } || key.unicodeScalars.count <= 24
    }
}
