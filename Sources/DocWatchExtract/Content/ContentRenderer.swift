import DocWatchCore
/// Turns the chosen container into text: one paragraph a line, headings, list items and table
/// rows kept, furniture blocks (share bars, pagers, link lists) left out.
struct ContentRenderer {
    let stats: PageStats

    /// The lines of `root`'s text, each folded to single spaces, empty lines dropped.
    func lines(of root: HTMLNode) -> [String] {
        var builder = LineBuilder()
        render(root, isRoot: true, rootChars: stats[root].chars, into: &builder)
        builder.flush()
        return builder.lines
    }

    private func render(_ node: HTMLNode, isRoot: Bool, rootChars: Int, into builder: inout LineBuilder) {
        if node.kind == .text {
            builder.append(node.text)
            return
        }
        let name = node.name
        if name == "br" {
            builder.flush()
            return
        }
        if node.kindFlags.contains(.furniture) || ElementTraits.isSmallForm(node, of: rootChars, stats: stats) { return }
        let isBlock = node.kindFlags.contains(.block)
        if !isRoot, isBlock, isFurniture(node) { return }
        let breaksLine = isBlock && name != "td" && name != "th"
        if breaksLine { builder.flush() }
        let isRow = name == "tr"
        for child in node.children {
            render(child, isRoot: false, rootChars: rootChars, into: &builder)
            if isRow, child.name == "td" || child.name == "th" { builder.separateCell() }
        }
        if breaksLine { builder.flush() }
    }

    /// Blocks inside the article that are not article text: link lists and hinted furniture (but
    /// not an attachment list), and a disclosure table.
    private func isFurniture(_ node: HTMLNode) -> Bool {
        let nodeStats = stats[node]
        if nodeStats.chars > 0, nodeStats.linkDensity >= 0.5, node.name != "p" || nodeStats.chars < 40 { return !AttachmentList.isAttachmentBlock(node) }
        if ElementTraits.isInnerFurniture(node) { return !AttachmentList.isAttachmentBlock(node) }
        return DisclosureBlock.isDisclosure(node, stats: stats)
    }
}

/// Accumulates text into lines; `td`/`th` cells of one row stay on one line, separated by a space.
struct LineBuilder {
    private(set) var lines: [String] = []
    /// The line so far, as UTF-8: appending bytes beats appending scalars to a string.
    private var current: [UInt8] = []
    private var pendingSpace = false

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let length = Self.sequenceLength(bytes[index])
                let end = min(index + length, bytes.count)
                if Self.isSpace(bytes, index, length) {
                    pendingSpace = !current.isEmpty
                } else {
                    if pendingSpace { current.append(0x20) }
                    pendingSpace = false
                    current.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                }
                index = end
            }
        }
    }

    /// Ends a table cell: the row goes on, separated by a space.
    mutating func separateCell() {
        pendingSpace = !current.isEmpty
    }

    /// Ends the current line.
    mutating func flush() {
        if !current.isEmpty { lines.append(String(decoding: current, as: UTF8.self)) }
        current.removeAll(keepingCapacity: true)
        pendingSpace = false
    }

    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }

    /// `Whitespace.isSpace` on the UTF-8 sequence at `index`, decoding only the lead bytes a space can
    /// start with (0xC2 for U+0085/U+00A0, 0xE1–0xE3 and 0xEF for the rest), so text stays a byte scan.
    private static func isSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ length: Int) -> Bool {
        let lead = bytes[index]
        switch length {
        case 1:
            return lead == 0x20 || (0x09...0x0D).contains(lead)
        case 2:
            guard lead == 0xC2, index + 1 < bytes.count else { return false }
            return Unicode.Scalar(UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)).map(Whitespace.isSpace) ?? false
        case 3:
            guard lead == 0xE1 || lead == 0xE2 || lead == 0xE3 || lead == 0xEF, index + 2 < bytes.count else { return false }
            let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            return Unicode.Scalar(value).map(Whitespace.isSpace) ?? false
        default:
            return false
        }
    }
}
