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
    ///
    /// Counted on the UTF-8 bytes (`SpaceBytes`): every scalar of every text node passes here.
    static func of(text: String, inLink: Bool) -> TextStats {
        var stats = TextStats()
        SpaceBytes.withBytes(text) { bytes in
            var index = 0
            while index < bytes.count {
                let space = SpaceBytes.spaceLength(bytes, at: index)
                if space > 0 {
                    index += space
                    continue
                }
                let lead = bytes[index]
                stats.chars += 1
                if lead >= 0xE2, lead <= 0xEF, index + 2 < bytes.count, isChinesePunctuation(lead, bytes[index + 1], bytes[index + 2]) {
                    stats.punctuation += 1
                }
                index += SpaceBytes.scalarLength(lead)
            }
        }
        if inLink { stats.linkChars = stats.chars }
        return stats
    }

    /// `CharacterClass.isChinesePunctuation` for a three-byte scalar: ，。；：、！？“”.
    @inline(__always)
    private static func isChinesePunctuation(_ lead: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
        switch (lead, second) {
        case (0xEF, 0xBC): return third == 0x8C || third == 0x9B || third == 0x9A || third == 0x81 || third == 0x9F  // U+FF0C FF1B FF1A FF01 FF1F
        case (0xE3, 0x80): return third == 0x82 || third == 0x81  // U+3002 3001
        case (0xE2, 0x80): return third == 0x9C || third == 0x9D  // U+201C 201D
        default: return false
        }
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
