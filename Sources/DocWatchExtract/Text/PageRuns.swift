import DocWatchCore
/// One text node of a page that holds more than whitespace, in document order.
struct TextRun {
    let node: HTMLNode
    let inLink: Bool

    /// The node's text, trimmed; the node's own string (no copy) when there is nothing to trim.
    var text: String {
        let scalars = node.text.unicodeScalars
        if let first = scalars.first, let last = scalars.last, !Whitespace.isSpace(first), !Whitespace.isSpace(last) {
            return node.text
        }
        return node.text.trimmed
    }
}

/// The text runs of a page, in document order, with a lookup from node to run index.
struct PageRuns {
    private(set) var runs: [TextRun] = []
    /// Run index by node index; -1 for nodes that are no run.
    private var indexByNode: [Int]

    /// Never page text; all of them are `ElementKind.furniture`.
    private static let skipped: Set<String> = ["head", "title", "select", "option", "button", "textarea", "input"]

    /// The runs of `root`'s subtree; `count` is the document's node count.
    init(root: HTMLNode, count: Int) {
        indexByNode = Array(repeating: -1, count: count)
        collect(root, inLink: false)
    }

    private mutating func collect(_ node: HTMLNode, inLink: Bool) {
        for child in node.children {
            if child.kind == .text {
                guard child.text.unicodeScalars.contains(where: { !Whitespace.isSpace($0) }) else { continue }
                if child.index < indexByNode.count { indexByNode[child.index] = runs.count }
                runs.append(TextRun(node: child, inLink: inLink))
            } else if !(child.kindFlags.contains(.furniture) && Self.skipped.contains(child.name)) {
                // Every skipped name is furniture: the flag spares hashing the other names.
                collect(child, inLink: inLink || child.name == "a")
            }
        }
    }

    /// The index range of the runs below `element`, or nil when it holds none.
    func range(of element: HTMLNode) -> Range<Int>? {
        var first: Int?
        var last: Int?
        Self.forEachText(element) { node in
            guard node.index < indexByNode.count else { return }
            let index = indexByNode[node.index]
            guard index >= 0 else { return }
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
