/// A node of a parsed HTML document, built from libxml2's parse so the extractor works on Swift values.
///
/// Element names and attribute names are lower-case. Comments, scripts, styles and other
/// non-content nodes are dropped at parse time (see `HTMLParser`). A node is complete when it is
/// made (children first, see `HTMLTreeBuilder`): all but `parent` are constants, which the walks
/// over the tree read without exclusivity checks.
public final class HTMLNode: @unchecked Sendable {
    /// Element or text.
    public enum Kind: Sendable { case element, text }

    /// Whether this is an element or a text node.
    public let kind: Kind
    /// Element name (`div`), or `#text`.
    public let name: String
    /// Attribute names and values in document order (a short array beats a dictionary per element).
    let attributePairs: [(name: String, value: String)]
    /// Text content of a text node; empty for elements.
    public let text: String
    /// Child elements and text nodes, in document order.
    public let children: [HTMLNode]
    /// The element's kind, from its name (see `ElementKind`).
    let kindFlags: ElementKind
    /// Position in document order (the root is 0), so per-node tables can be arrays.
    let index: Int
    /// On the root: how many nodes the tree holds (every `index` is below it).
    let nodeCount: Int
    /// The enclosing element. Not retained (a weak reference costs a side table per node): valid
    /// while the tree's root is alive, which every caller that walks up from a node ensures.
    public internal(set) unowned(unsafe) var parent: HTMLNode?

    /// An element with its finished children, which it becomes the parent of.
    init(element name: String, attributes: [(name: String, value: String)], kindFlags: ElementKind, index: Int,
         children: [HTMLNode], nodeCount: Int = 1) {
        self.kind = .element
        self.name = name
        self.attributePairs = attributes
        self.text = ""
        self.kindFlags = kindFlags
        self.index = index
        self.nodeCount = nodeCount
        self.children = children
        for child in children { child.parent = self }
    }

    init(text: String, index: Int) {
        self.kind = .text
        self.name = "#text"
        self.attributePairs = []
        self.text = text
        self.kindFlags = []
        self.index = index
        self.nodeCount = 1
        self.children = []
    }

    /// Whether this is an element.
    public var isElement: Bool { kind == .element }

    /// The value of one attribute (lower-case name), if the element has it.
    public subscript(attribute: String) -> String? {
        for pair in attributePairs where pair.name == attribute { return pair.value }
        return nil
    }

    /// `id` and `class` joined, lower-cased: what class/id hints are matched against.
    public var idAndClass: String {
        ((self["id"] ?? "") + " " + (self["class"] ?? "")).lowercased()
    }

    /// All text below this node, in document order, with no separators added.
    public var textContent: String {
        if kind == .text { return text }
        var out = ""
        forEachText { out += $0.text }
        return out
    }

    /// Visits every text node below this one in document order.
    public func forEachText(_ body: (HTMLNode) -> Void) {
        for child in children {
            if child.kind == .text { body(child) } else { child.forEachText(body) }
        }
    }

    /// Every element below this one (not itself), depth first, in document order.
    public func descendants(where predicate: (HTMLNode) -> Bool = { _ in true }) -> [HTMLNode] {
        var out: [HTMLNode] = []
        collect(into: &out, where: predicate)
        return out
    }

    private func collect(into out: inout [HTMLNode], where predicate: (HTMLNode) -> Bool) {
        for child in children where child.kind == .element {
            if predicate(child) { out.append(child) }
            child.collect(into: &out, where: predicate)
        }
    }

    /// The first element below this one named `name`.
    public func first(_ name: String) -> HTMLNode? {
        for child in children where child.kind == .element {
            if child.name == name { return child }
            if let found = child.first(name) { return found }
        }
        return nil
    }

    /// Elements below this one named `name`.
    public func all(_ name: String) -> [HTMLNode] {
        descendants { $0.name == name }
    }
}
