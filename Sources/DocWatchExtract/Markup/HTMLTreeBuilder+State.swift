import CLibXML2

/// An element libxml2 has open, as `HTMLTreeBuilder` needs to remember it.
struct OpenElement {
    /// The node to make when it ends; nil when it is left out or lifted.
    let draft: ElementDraft?
    /// Whether its children make nodes (it is kept or lifted), or its subtree is left out.
    let keepsChildren: Bool
    /// Where in the `NodeStack` the children of the node that receives its children start: its
    /// own node's, or for an element lifted from below the depth bound the deepest kept ancestor's.
    let childrenStart: Int
    /// The depth of its children (the document's own children are at 1).
    let childDepth: Int
    /// A lifted block: a `<br>` follows its content.
    let closingBreak: Bool
    /// Whether it is the document's first node.
    var isFirstDocumentChild = false
    /// Whether its last child so far is a boundary for whitespace after it: none, or a block element.
    var lastIsBoundary = true
    /// Its last child but comments, as libxml2's whitespace test sees it.
    var lastChild = LastChild(type: xmlElementType(0), name: nil)

    init(draft: ElementDraft?, keepsChildren: Bool, childrenStart: Int, childDepth: Int, closingBreak: Bool) {
        self.draft = draft
        self.keepsChildren = keepsChildren
        self.childrenStart = childrenStart
        self.childDepth = childDepth
        self.closingBreak = closingBreak
    }

    /// The document itself, as the parent of top-level elements.
    static var document: OpenElement {
        OpenElement(draft: nil, keepsChildren: true, childrenStart: 0, childDepth: 1, closingBreak: false)
    }

    /// An element whose subtree is left out.
    static func leftOut(childDepth: Int) -> OpenElement {
        OpenElement(draft: nil, keepsChildren: false, childrenStart: 0, childDepth: childDepth, closingBreak: false)
    }
}

/// Where an element's children go, as `HTMLTreeBuilder.child(of:)` needs it: an `OpenElement`
/// without its draft, so reading it retains nothing.
struct ParentPlace {
    let keepsChildren: Bool
    let childrenStart: Int
    let childDepth: Int

    init(_ element: borrowing OpenElement) {
        keepsChildren = element.keepsChildren
        childrenStart = element.childrenStart
        childDepth = element.childDepth
    }
}

/// What a kept element's node will be, known at its start tag.
struct ElementDraft {
    let name: String
    let attributes: [(name: String, value: String)]
    let kindFlags: ElementKind
    let index: Int
}

/// The kind of node (type 0: none) and, for an element or PI, its name.
struct LastChild {
    var type: xmlElementType
    var name: UnsafePointer<xmlChar>?
}

/// Text collected for one text (or CDATA) node, across libxml2's character callbacks.
struct PendingText {
    /// Text or CDATA; nil when no text is pending.
    var type: xmlElementType?
    var bytes: [UInt8] = []
    /// Whether the node before it is missing or a block element.
    var previousIsBoundary = true
    /// A NUL arrived: the copy from libxml2's tree read its text as a C string, which stops there.
    var endsAtNul = false

    init() { bytes.reserveCapacity(4_096) }

    /// Whether the text is only spaces, tabs and line breaks.
    var isWhitespace: Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C }
    }

    mutating func reset() {
        type = nil
        bytes.removeAll(keepingCapacity: true)
        endsAtNul = false
    }
}

/// libxml2's HTML parser decides whether whitespace before a tag is ignorable by reading back the
/// tree it expects its SAX handler to build: `areBlanks` (HTMLparser.c) looks at `ctxt->node`'s
/// last child, past comments (none, text, or an element whose name allows text such as `b`).
/// No libxml2 tree is built here, so `ctxt->node` points at this stand-in element, whose last
/// child says what the innermost open element's is. Nothing else in the HTML parser reads
/// `ctxt->node` (it is only written by the tree builder's `nodePush`, which does not run).
struct ParentStandIn {
    /// The element, then its one child.
    private let nodes: UnsafeMutablePointer<xmlNode>

    init() {
        nodes = .allocate(capacity: 2)
        nodes.initialize(repeating: xmlNode(), count: 2)
        nodes[0].type = XML_ELEMENT_NODE
        nodes[1].parent = nodes
    }

    func free() {
        nodes.deinitialize(count: 2)
        nodes.deallocate()
    }

    /// Shows the parser an open element whose last child is `last`, or none open (nil).
    func show(_ last: LastChild?, in parser: htmlParserCtxtPtr) {
        guard let last else {
            parser.pointee.node = nil
            return
        }
        if last.type.rawValue == 0 {
            nodes[0].children = nil
            nodes[0].last = nil
        } else {
            nodes[1].type = last.type
            nodes[1].name = last.name
            nodes[0].children = nodes + 1
            nodes[0].last = nodes + 1
        }
        parser.pointee.node = nodes
    }
}
