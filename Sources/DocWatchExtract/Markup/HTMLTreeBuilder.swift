import CLibXML2

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds `HTMLNode`s from libxml2's SAX events: the tree that copying libxml2's own tree gave,
/// node for node, without libxml2 building (and freeing) that tree.
///
/// It keeps just enough of libxml2's tree in mind to follow its tree builder (SAX2.c) and the
/// copy's rules:
/// - consecutive character callbacks in one element are one text node; a child element, comment,
///   processing instruction or CDATA block between them splits it;
/// - whitespace-only text is left out when its sibling on either side is missing or a block
///   element (a comment or another text beside it is not);
/// - a `dropped` element leaves out its subtree; an element deeper than `HTMLParser.maxDepth` is
///   left out and its children lifted to the deepest kept ancestor (see `HTMLParser.maxDepth`);
/// - an element started when none is open goes where xmlSAX2StartElement puts it: inside the
///   document's first node when that is an element, else at the top level;
/// - libxml2's parser reads its tree back once, to tell ignorable whitespace (`ParentStandIn`).
/// Nodes are numbered in document order as they start; an element is made when it ends, from its
/// finished children (`NodeStack`).
struct HTMLTreeBuilder {
    /// The next node's document-order index (the root is 0).
    private var counter = 1
    /// The elements libxml2 has open (its tree builder's node stack), innermost last.
    private var open: [OpenElement] = []
    private var nodes = NodeStack()
    /// Text of the innermost open element not yet made a node: its next sibling decides whether
    /// whitespace is kept.
    private var pending = PendingText()
    /// Whether the document has a node of its own (an element, comment or PI outside any element).
    private var documentHasChild = false
    /// The document's first node, once it has ended, when that is an element: xmlSAX2StartElement
    /// puts later elements started with none open inside it, unless a DOCTYPE went first.
    private var firstDocumentElement: OpenElement?
    /// Whether `firstDocumentElement`'s node is still to be made, as more children may come.
    private var firstDocumentElementOpen = false
    private var names = ElementNames()
    private let standIn = ParentStandIn()

    /// The tree built from the events `parse` has libxml2 send: it gets the callbacks and the
    /// pointer they expect in the parser context's `_private`.
    static func build(parsing parse: (UnsafePointer<docwatch_html_events>, UnsafeMutableRawPointer) -> Void) -> HTMLNode {
        var events = docwatch_html_events(
            start_element: { context, name, attributes in
                HTMLTreeBuilder.with(context) { $0.pointee.startElement(name, attributes, in: $1) }
            },
            end_element: { context, _ in HTMLTreeBuilder.with(context) { builder, parser in builder.pointee.endElement(in: parser) } },
            characters: { context, text, length in
                HTMLTreeBuilder.with(context) { $0.pointee.text(text, Int(length), type: XML_TEXT_NODE, in: $1) }
            },
            cdata_block: { context, text, length in
                HTMLTreeBuilder.with(context) { $0.pointee.text(text, Int(length), type: XML_CDATA_SECTION_NODE, in: $1) }
            },
            comment: { context, _ in HTMLTreeBuilder.with(context) { builder, _ in builder.pointee.comment() } },
            processing_instruction: { context, target, _ in
                HTMLTreeBuilder.with(context) { $0.pointee.processingInstruction(target, in: $1) }
            }
        )
        var builder = HTMLTreeBuilder()
        withUnsafeMutablePointer(to: &builder) { parse(&events, UnsafeMutableRawPointer($0)) }
        return builder.finish()
    }

    private static func with(_ context: UnsafeMutableRawPointer?,
                             _ body: (UnsafeMutablePointer<HTMLTreeBuilder>, htmlParserCtxtPtr) -> Void) {
        guard let context else { return }
        let parser = context.assumingMemoryBound(to: htmlParserCtxt.self)
        guard let user = parser.pointee._private else { return }
        body(user.assumingMemoryBound(to: HTMLTreeBuilder.self), parser)
    }

    /// The root, once libxml2 is done; frees the builder's memory.
    private mutating func finish() -> HTMLNode {
        while !open.isEmpty { close() }
        finishFirstDocumentElement()
        let root = HTMLNode(element: "#document", attributes: [], kindFlags: .block, index: 0,
                            children: nodes.pop(from: 0), nodeCount: counter)
        nodes.release()
        standIn.free()
        return root
    }

    // MARK: - Events

    private mutating func startElement(_ fullName: UnsafePointer<xmlChar>?, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                                       in parser: htmlParserCtxtPtr) {
        guard let fullName, let document = parser.pointee.myDoc, let namePointer = Self.localName(fullName, in: parser) else { return }
        let (name, kind) = names.lookup(namePointer)
        // The parent's place only: copying the whole `OpenElement` retained its draft's name and attributes.
        let parent: ParentPlace
        var isFirstDocumentChild = false
        if !open.isEmpty {
            flushText(nextIsBoundary: kind.contains(.block))
            open[open.count - 1].lastChild = LastChild(type: XML_ELEMENT_NODE, name: namePointer)
            open[open.count - 1].lastIsBoundary = kind.contains(.block)
            parent = ParentPlace(open[open.count - 1])
        } else if document.pointee.children == nil, !documentHasChild {
            documentHasChild = true
            isFirstDocumentChild = true
            parent = ParentPlace(.document)
        } else if document.pointee.children == nil, let first = firstDocumentElement {
            parent = ParentPlace(first)
        } else {
            finishFirstDocumentElement()
            parent = ParentPlace(.document)
        }
        var element = child(of: parent, named: name, kind: kind, attributes: attributes)
        element.isFirstDocumentChild = isFirstDocumentChild
        open.append(element)
        standIn.show(element.lastChild, in: parser)
    }

    /// The open element for a start tag below `parent`: kept, lifted or left out.
    private mutating func child(of parent: ParentPlace, named name: String, kind: ElementKind,
                                attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> OpenElement {
        let depth = parent.childDepth + 1
        guard parent.keepsChildren, !kind.contains(.dropped) else { return .leftOut(childDepth: depth) }
        if parent.childDepth > HTMLParser.maxDepth {
            // Too deep to keep: furniture is left out as the renderer would; the rest is lifted.
            if kind.contains(.furniture) { return .leftOut(childDepth: depth) }
            let block = kind.contains(.block)
            if block { lineBreak(after: parent.childrenStart) }
            return OpenElement(draft: nil, keepsChildren: true, childrenStart: parent.childrenStart, childDepth: depth,
                               closingBreak: block)
        }
        var titleHint = false
        let attributes = HTMLAttributes.read(attributes, titleHint: &titleHint)
        let draft = ElementDraft(name: name, attributes: attributes, kindFlags: titleHint ? kind.union(.titleHint) : kind,
                                 index: counter)
        counter += 1
        return OpenElement(draft: draft, keepsChildren: true, childrenStart: nodes.count, childDepth: depth, closingBreak: false)
    }

    private mutating func endElement(in parser: htmlParserCtxtPtr) {
        guard !open.isEmpty else { return }
        close()
        standIn.show(open.last?.lastChild, in: parser)
    }

    /// Ends the innermost open element.
    private mutating func close() {
        flushText(nextIsBoundary: true)
        let closed = open.removeLast()
        if closed.closingBreak { lineBreak(after: closed.childrenStart) }
        if closed.isFirstDocumentChild {
            firstDocumentElement = closed
            firstDocumentElementOpen = closed.draft != nil
        } else if let draft = closed.draft {
            make(draft, childrenFrom: closed.childrenStart)
        }
    }

    private mutating func text(_ bytes: UnsafePointer<xmlChar>?, _ length: Int, type: xmlElementType, in parser: htmlParserCtxtPtr) {
        guard !open.isEmpty else { return }  // xmlSAX2Text drops text outside every element
        if pending.type != type {
            flushText(nextIsBoundary: false)
            pending.type = type
            pending.previousIsBoundary = open[open.count - 1].lastIsBoundary
            open[open.count - 1].lastIsBoundary = false
            open[open.count - 1].lastChild = LastChild(type: type, name: nil)
            standIn.show(open[open.count - 1].lastChild, in: parser)
        }
        guard let bytes, length > 0, !pending.endsAtNul else { return }
        // libxml2 stores the bytes; the copy read them as a C string, up to a NUL.
        let count = memchr(bytes, 0, length).map { UnsafeRawPointer(bytes).distance(to: UnsafeRawPointer($0)) } ?? length
        pending.bytes.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
        if count < length { pending.endsAtNul = true }
    }

    private mutating func comment() {
        guard !open.isEmpty else {
            documentHasChild = true
            return
        }
        // A comment splits text, and text beside it is not at a boundary. libxml2's whitespace
        // test looks past comments, so the last child it sees stays as it was.
        flushText(nextIsBoundary: false)
        open[open.count - 1].lastIsBoundary = false
    }

    private mutating func processingInstruction(_ target: UnsafePointer<xmlChar>?, in parser: htmlParserCtxtPtr) {
        guard !open.isEmpty else {
            documentHasChild = true
            return
        }
        flushText(nextIsBoundary: false)
        open[open.count - 1].lastIsBoundary = false
        open[open.count - 1].lastChild = LastChild(type: XML_PI_NODE, name: target)
        standIn.show(open[open.count - 1].lastChild, in: parser)
    }

    // MARK: - Nodes

    /// Makes the innermost open element's pending text a node, unless it is whitespace at a
    /// boundary (indentation between `<div>`s and `<li>`s, a third of all nodes, that no line of
    /// text needs). Whitespace between two inline elements (`<b>a</b> <i>b</i>`) separates words.
    private mutating func flushText(nextIsBoundary: Bool) {
        guard pending.type != nil else { return }
        defer { pending.reset() }
        guard open[open.count - 1].keepsChildren else { return }
        if pending.previousIsBoundary || nextIsBoundary, pending.isWhitespace { return }
        nodes.push(HTMLNode(text: String(decoding: pending.bytes, as: UTF8.self), index: counter))
        counter += 1
    }

    private mutating func make(_ draft: ElementDraft, childrenFrom start: Int) {
        nodes.push(HTMLNode(element: draft.name, attributes: draft.attributes, kindFlags: draft.kindFlags, index: draft.index,
                            children: nodes.pop(from: start)))
    }

    /// Makes the document's first element, if it was waiting for children.
    private mutating func finishFirstDocumentElement() {
        guard firstDocumentElementOpen, let first = firstDocumentElement, let draft = first.draft else { return }
        firstDocumentElementOpen = false
        make(draft, childrenFrom: first.childrenStart)
    }

    /// A `<br>` at the end of the children that start at `start`. One between lifted blocks is
    /// enough: a run of them would only cost memory.
    private mutating func lineBreak(after start: Int) {
        if nodes.count > start, let last = nodes.last, last.isElement, last.name == "br" { return }
        nodes.push(HTMLNode(element: "br", attributes: [], kindFlags: ElementKind.of("br"), index: counter, children: []))
        counter += 1
    }

    /// The element name libxml2's tree gives a tag: `o:p` is `p` (xmlSAX2StartElement splits
    /// every name at its colon, HTML or not). Interned in the parser's dictionary, which outlives
    /// every event.
    private static func localName(_ fullName: UnsafePointer<xmlChar>, in parser: htmlParserCtxtPtr) -> UnsafePointer<xmlChar>? {
        guard strchr(UnsafeRawPointer(fullName).assumingMemoryBound(to: CChar.self), Int32(UInt8(ascii: ":"))) != nil else {
            return fullName
        }
        var prefix: UnsafeMutablePointer<xmlChar>?
        guard let local = xmlSplitQName(parser, fullName, &prefix) else { return nil }
        defer {
            docwatch_xml_free(local)
            if let prefix { docwatch_xml_free(prefix) }
        }
        return xmlDictLookup(parser.pointee.dict, local, -1)
    }
}
