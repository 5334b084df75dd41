/// One non-empty text node of a page, trimmed, in document order.
struct TextRun {
    let text: String
    let node: HTMLNode
    let inLink: Bool
}

/// The text runs of a page, in document order, with a lookup from node to run index.
struct PageRuns {
    private(set) var runs: [TextRun] = []
    private var indexByNode: [ObjectIdentifier: Int] = [:]

    private static let skipped: Set<String> = ["head", "title", "select", "option", "button", "textarea", "input"]

    init(root: HTMLNode) {
        collect(root, inLink: false)
    }

    private mutating func collect(_ node: HTMLNode, inLink: Bool) {
        for child in node.children {
            if child.kind == .text {
                let text = child.text.trimmed
                guard !text.isEmpty else { continue }
                indexByNode[ObjectIdentifier(child)] = runs.count
                runs.append(TextRun(text: text, node: child, inLink: inLink))
            } else if !Self.skipped.contains(child.name) {
                collect(child, inLink: inLink || child.name == "a")
            }
        }
    }

    /// The index range of the runs below `element`, or nil when it holds none.
    func range(of element: HTMLNode) -> Range<Int>? {
        var first: Int?
        var last: Int?
        Self.forEachText(element) { node in
            guard let index = indexByNode[ObjectIdentifier(node)] else { return }
            if first == nil { first = index }
            last = index
        }
        guard let first, let last else { return nil }
        return first..<(last + 1)
    }

    private static func forEachText(_ node: HTMLNode, _ body: (HTMLNode) -> Void) {
        if node.kind == .text { body(node) } else { node.forEachText(body) }
    }
}
