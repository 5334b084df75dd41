import DocWatchCore
/// Character counts of one element's text, gathered bottom-up once per page.
struct TextStats {
    /// Non-space characters.
    var chars = 0
    /// Non-space characters inside links.
    var linkChars = 0
    /// Chinese clause punctuation (，。；：、！？“”).
    var punctuation = 0

    var linkDensity: Double { chars == 0 ? 0 : Double(linkChars) / Double(chars) }

    static func += (lhs: inout TextStats, rhs: TextStats) {
        lhs.chars += rhs.chars
        lhs.linkChars += rhs.linkChars
        lhs.punctuation += rhs.punctuation
    }

    /// Counts of one text node's text.
    static func of(text: String, inLink: Bool) -> TextStats {
        var stats = TextStats()
        for scalar in text.unicodeScalars where !Whitespace.isSpace(scalar) {
            stats.chars += 1
            if CharacterClass.isChinesePunctuation(scalar) { stats.punctuation += 1 }
        }
        if inLink { stats.linkChars = stats.chars }
        return stats
    }
}

/// The `TextStats` of every element and text node of a page, by node index.
struct PageStats {
    private var byNode: [TextStats]

    /// Stats of `root`'s subtree; `count` is the document's node count.
    init(root: HTMLNode, count: Int) {
        byNode = Array(repeating: TextStats(), count: count)
        _ = collect(root, inLink: false)
    }

    /// The document's node count.
    var nodeCount: Int { byNode.count }

    subscript(node: HTMLNode) -> TextStats { node.index < byNode.count ? byNode[node.index] : TextStats() }

    private mutating func collect(_ node: HTMLNode, inLink: Bool) -> TextStats {
        var stats = TextStats()
        let linked = inLink || node.name == "a"
        for child in node.children {
            if child.kind == .text {
                let text = TextStats.of(text: child.text, inLink: linked)
                if child.index < byNode.count { byNode[child.index] = text }
                stats += text
            } else if !child.kindFlags.contains(.furniture) {
                stats += collect(child, inLink: linked)
            }
        }
        if node.index < byNode.count { byNode[node.index] = stats }
        return stats
    }
}
