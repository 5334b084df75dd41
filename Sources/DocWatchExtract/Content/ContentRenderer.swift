/// Turns the chosen container into text: one paragraph a line, headings, list items and table
/// rows kept, furniture blocks (share bars, pagers, link lists) left out.
struct ContentRenderer {
    let stats: PageStats

    /// The lines of `root`'s text, each folded to single spaces, empty lines dropped.
    func lines(of root: HTMLNode) -> [String] {
        var builder = LineBuilder()
        render(root, isRoot: true, into: &builder)
        builder.flush()
        return builder.lines
    }

    private func render(_ node: HTMLNode, isRoot: Bool, into builder: inout LineBuilder) {
        if node.kind == .text {
            builder.append(node.text)
            return
        }
        let name = node.name
        if name == "br" {
            builder.flush()
            return
        }
        if ElementTraits.furnitureElements.contains(name) { return }
        let isBlock = ElementTraits.blocks.contains(name)
        if !isRoot, isBlock, isFurniture(node) { return }
        let breaksLine = isBlock && name != "td" && name != "th"
        if breaksLine { builder.flush() }
        let isRow = name == "tr"
        for child in node.children {
            render(child, isRoot: false, into: &builder)
            if isRow, child.name == "td" || child.name == "th" { builder.separateCell() }
        }
        if breaksLine { builder.flush() }
    }

    /// Blocks inside the article that are not article text: link lists and hinted furniture.
    private func isFurniture(_ node: HTMLNode) -> Bool {
        let nodeStats = stats[node]
        if nodeStats.chars > 0, nodeStats.linkDensity >= 0.5, node.name != "p" || nodeStats.chars < 40 { return true }
        return ElementTraits.isInnerFurniture(node)
    }
}

/// Accumulates text into lines; `td`/`th` cells of one row stay on one line, separated by a space.
struct LineBuilder {
    private(set) var lines: [String] = []
    private var current = String.UnicodeScalarView()
    private var pendingSpace = false

    mutating func append(_ text: String) {
        for scalar in text.unicodeScalars {
            if CharacterClass.isSpace(scalar) {
                pendingSpace = !current.isEmpty
            } else {
                if pendingSpace { current.append(" ") }
                pendingSpace = false
                current.append(scalar)
            }
        }
    }

    /// Ends a table cell: the row goes on, separated by a space.
    mutating func separateCell() {
        pendingSpace = !current.isEmpty
    }

    /// Ends the current line.
    mutating func flush() {
        if !current.isEmpty { lines.append(String(current)) }
        current = String.UnicodeScalarView()
        pendingSpace = false
    }
}
