/// A page's article body: the chosen container and its text lines, furniture removed.
struct MainContent {
    /// The container the text came from.
    let node: HTMLNode
    /// One paragraph, heading, list item or table row a line.
    let lines: [String]

    /// The container the scorer picks, before any text is rendered.
    static func container(in body: HTMLNode, stats: PageStats) -> HTMLNode {
        ContentScorer(stats: stats).best(in: body) ?? body
    }

    /// Renders `container` (or the whole body when it renders empty), dropping furniture lines
    /// and the headline and byline repeated above the text.
    init(container: HTMLNode, body: HTMLNode, stats: PageStats, headline: String) {
        var node = container
        let renderer = ContentRenderer(stats: stats)
        var rendered = renderer.lines(of: node)
        if rendered.isEmpty, node !== body {
            node = body
            rendered = renderer.lines(of: body)
        }
        self.node = node
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
        let length = key.unicodeScalars.count
        guard length <= 100, DateScanner.first(in: line) != nil else { return false }
        return BylineLabels.fields(in: line).contains { $0.field != .date } || length <= 24
    }
}
