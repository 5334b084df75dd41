import CLibXML2

/// Parses HTML (already decoded to UTF-8) with libxml2's forgiving HTML parser into `HTMLNode`s.
///
/// Only the attributes some stage reads are kept (`keptAttributes`: id, class, href, rel, type,
/// title, meta names and content …); add a name there before reading a new one.
/// Broken markup is repaired, never rejected; libxml2 never touches the network (`HTML_PARSE_NONET`)
/// and prints nothing; `XML_PARSE_HUGE` lifts its 256-element depth limit (past which it stopped
/// and the page's text was lost), and `maxDepth` bounds the copy. `script`, `style`, `noscript`,
/// `template`, comments and processing instructions are dropped here, so no later stage sees them.
public enum HTMLParser {
    public static func parse(_ html: String) -> HTMLNode {
        LibXML.setUp()
        let root = HTMLNode(element: "#document", attributes: [])
        root.kindFlags = .block
        guard let document = read(html) else { return root }
        defer { xmlFreeDoc(document) }
        root.nodeCount = copyTree(from: document.pointee.children, into: root)
        return root
    }

    /// libxml2's tree of `html` with the prefilter's blocks cut out; the cut copy is freed on return.
    private static func read(_ html: String) -> htmlDocPtr? {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_NOBLANKS.rawValue | XML_PARSE_HUGE.rawValue)
        var source = html
        var filtered = source.withUTF8 { MarkupPrefilter.strip($0) }
        return filtered.withUnsafeMutableBufferPointer { buffer -> htmlDocPtr? in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlReadMemory(pointer, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
    }

    /// How deep the copied tree goes. Elements below are left out and their children lifted to
    /// the deepest kept ancestor, a block leaving a `<br>` on each side so its lines stay apart,
    /// so every recursive walk of the tree (and its release) stays within a small stack.
    /// Real pages nest 20–60 deep; markup nested thousands deep keeps its text.
    static let maxDepth = 200

    /// The libxml2 children of one element being copied.
    private struct Frame {
        /// The element whose children these are (nil at the document level).
        let element: xmlNodePtr?
        /// The next child to visit.
        var next: xmlNodePtr?
        /// The last child whose copy is complete. It is freed once its next sibling is done, as
        /// that sibling's layout-whitespace test still reads it.
        var finished: xmlNodePtr?
        /// Where the copies go.
        let parent: HTMLNode
        let depth: Int
        /// Whether leaving appends a `<br>` (a flattened block).
        let closingBreak: Bool
    }

    /// Copies `first` and its siblings with their subtrees below `root`, numbering nodes in
    /// document order; returns the node count. Iterative, as libxml2 trees nest without limit.
    /// Each libxml2 node is freed as soon as its copy is complete, so the two trees are not held
    /// in full at once (a large page's peak memory is about one tree, not two).
    private static func copyTree(from first: xmlNodePtr?, into root: HTMLNode) -> Int {
        var counter = 1
        var stack = [Frame(element: nil, next: first, finished: nil, parent: root, depth: 1, closingBreak: false)]
        func adopt(_ node: HTMLNode, into parent: HTMLNode) {
            node.index = counter
            counter += 1
            parent.append(node)
        }
        // One `<br>` between lifted blocks is enough: a run of them would only cost memory.
        func lineBreak(into parent: HTMLNode) {
            if let last = parent.children.last, last.isElement, last.name == "br" { return }
            let element = HTMLNode(element: "br", attributes: [])
            element.kindFlags = ElementKind.of("br")
            adopt(element, into: parent)
        }
        func complete(_ node: xmlNodePtr) {
            release(stack[stack.count - 1].finished)
            stack[stack.count - 1].finished = node
        }
        while let top = stack.last {
            guard let node = top.next else {
                stack.removeLast()
                release(top.finished)
                if top.closingBreak { lineBreak(into: top.parent) }
                if let element = top.element, !stack.isEmpty { complete(element) }
                continue
            }
            stack[stack.count - 1].next = node.pointee.next
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                // libxml2's HTML parser already lower-cases element and attribute names.
                let name = String(cString: node.pointee.name)
                let kind = ElementKind.of(name)
                if kind.contains(.dropped) {
                    complete(node)
                } else if top.depth > maxDepth {
                    // Too deep to copy: furniture is left out as the renderer would; the rest is lifted.
                    if kind.contains(.furniture) {
                        complete(node)
                        continue
                    }
                    let block = kind.contains(.block)
                    if block { lineBreak(into: top.parent) }
                    stack.append(Frame(element: node, next: node.pointee.children, finished: nil, parent: top.parent,
                                       depth: top.depth + 1, closingBreak: block))
                } else {
                    var titleHint = false
                    let element = HTMLNode(element: name, attributes: attributes(of: node, titleHint: &titleHint))
                    element.kindFlags = titleHint ? kind.union(.titleHint) : kind
                    adopt(element, into: top.parent)
                    element.children.reserveCapacity(childCount(node))
                    stack.append(Frame(element: node, next: node.pointee.children, finished: nil, parent: element,
                                       depth: top.depth + 1, closingBreak: false))
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content, !isLayoutWhitespace(node, content) {
                    adopt(HTMLNode(text: String(cString: content)), into: top.parent)
                }
                complete(node)
            default:
                complete(node)
            }
        }
        return counter
    }

    private static func childCount(_ node: xmlNodePtr) -> Int {
        var count = 0
        var child = node.pointee.children
        while let next = child {
            count += 1
            child = next.pointee.next
        }
        return count
    }

    /// Unlinks and frees a libxml2 node whose copy is complete.
    private static func release(_ node: xmlNodePtr?) {
        guard let node else { return }
        xmlUnlinkNode(node)
        xmlFreeNode(node)
    }

    /// Whitespace-only text beside a block element or at a parent's edge: indentation between
    /// `<div>`s and `<li>`s, a third of all nodes, that no line of text needs. Whitespace between
    /// two inline elements (`<b>a</b> <i>b</i>`) is kept: it separates words.
    private static func isLayoutWhitespace(_ node: xmlNodePtr, _ content: UnsafePointer<xmlChar>) -> Bool {
        var index = 0
        while content[index] != 0 {
            switch content[index] {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C: index += 1
            default: return false
            }
        }
        return isBoundary(node.pointee.prev) || isBoundary(node.pointee.next)
    }

    /// No sibling, or a sibling element that starts a new line.
    private static func isBoundary(_ sibling: xmlNodePtr?) -> Bool {
        guard let sibling else { return true }
        guard sibling.pointee.type == XML_ELEMENT_NODE, let name = sibling.pointee.name else { return false }
        return ElementKind.of(String(cString: name)).contains(.block)
    }

    /// Whether a C string contains "title" in any case.
    private static func containsTitle(_ text: UnsafePointer<xmlChar>) -> Bool {
        let word: [UInt8] = Array("title".utf8)
        var index = 0
        while text[index] != 0 {
            var matched = 0
            while matched < word.count, text[index + matched] != 0, text[index + matched] | 0x20 == word[matched] { matched += 1 }
            if matched == word.count { return true }
            index += 1
        }
        return false
    }

    /// The attributes kept: the ones extraction and link discovery read. Styling, sizes and event
    /// handlers are a sixth of a table-layout page and copying them cost more than all the rest.
    static let keptAttributes: [(name: [UInt8], key: String)] = [
        "id", "class", "href", "src", "rel", "type", "title", "alt", "aria-label", "role", "name", "content",
        "property", "itemprop", "http-equiv", "charset", "datetime", "lang", "hreflang", "media",
    ].map { (Array($0.utf8) + [0], $0) }

    /// The key for a kept attribute name, without building a string for the others.
    private static func keptKey(_ name: UnsafePointer<xmlChar>) -> String? {
        let first = name[0]
        for entry in keptAttributes where entry.name[0] == first {
            var index = 1
            while entry.name[index] != 0, name[index] == entry.name[index] { index += 1 }
            if entry.name[index] == 0, name[index] == 0 { return entry.key }
        }
        return nil
    }

    /// The element's attributes; `titleHint` is set when `class` or `id` contains "title".
    private static func attributes(of node: xmlNodePtr, titleHint: inout Bool) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            guard let name = keptKey(current.pointee.name) else {
                attribute = current.pointee.next
                continue
            }
            if let text = current.pointee.children, text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE,
               let content = text.pointee.content {
                if name == "class" || name == "id", containsTitle(content) { titleHint = true }
                result.append((name, String(cString: content)))
            } else if let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)) {
                result.append((name, String(cString: value)))
                docwatch_xml_free(value)
            } else {
                result.append((name, ""))
            }
            attribute = current.pointee.next
        }
        return result
    }
}

/// One-time libxml2 set-up: silence its stderr messages, refuse external entities everywhere.
enum LibXML {
    private static let once: Void = {
        xmlInitParser()
        docwatch_xml_silence()
        docwatch_xml_forbid_external_entities()
    }()

    static func setUp() { _ = once }
}
