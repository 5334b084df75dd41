/// Picks the element that holds a page's main text, readability-style with Chinese signals.
///
/// Each text run outside links credits its block container (the parent of a `<p>`/`<li>`, or the
/// `<td>`/`<div>` that holds bare text and `<br>`s) in full, the container's parent by half and
/// its grandparent by a third. A run's credit grows with its Chinese punctuation and length.
/// Containers then gain or lose by class/id hints (`TRS_Editor`, `content` … versus `nav`,
/// `share` …) and are discounted by their link density.
struct ContentScorer {
    let stats: PageStats

    /// The best container, or nil when the page holds no scorable text.
    func best(in root: HTMLNode) -> HTMLNode? {
        var credit = Array(repeating: 0.0, count: stats.nodeCount)
        var touched: [HTMLNode] = []
        let pageChars = stats[root].chars
        visit(root, block: root, inLink: false, pageChars: pageChars) { run, block in
            let text = stats[run]
            guard text.chars >= 8 else { return }
            let score = 1 + Double(text.punctuation) + min(Double(text.chars) / 40, 6)
            var container: HTMLNode? = block.kindFlags.contains(.paragraph) ? block.parent : block
            for share in [1.0, 0.5, 1.0 / 3] {
                guard let current = container, current.name != "#document", current.index < credit.count else { break }
                if credit[current.index] == 0 { touched.append(current) }
                credit[current.index] += score * share
                container = current.parent
            }
        }
        var best: (node: HTMLNode, score: Double)?
        for node in touched {
            let raw = credit[node.index]
            let nodeStats = stats[node]
            var score = raw + ElementTraits.hintWeight(node)
            if node.name == "body" || node.name == "html" { score -= 20 }
            score *= 1 - nodeStats.linkDensity
            if let current = best, current.score >= score { continue }
            best = (node, score)
        }
        return best?.node
    }

    /// Calls `body` for every text run outside links and furniture, with the block that holds it.
    /// `block` is the nearest block element at or above `node`.
    private func visit(_ node: HTMLNode, block: HTMLNode, inLink: Bool, pageChars: Int, _ body: (HTMLNode, HTMLNode) -> Void) {
        for child in node.children {
            if child.kind == .text {
                if !inLink { body(child, block) }
            } else if !child.kindFlags.contains(.furniture), !ElementTraits.isSmallForm(child, of: pageChars, stats: stats) {
                let childBlock = child.kindFlags.contains(.block) ? child : block
                visit(child, block: childBlock, inLink: inLink || child.name == "a", pageChars: pageChars, body)
            }
        }
    }
}
