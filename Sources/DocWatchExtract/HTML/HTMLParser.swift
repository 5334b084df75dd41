import CLibXML2

/// Parses HTML (already decoded to UTF-8) with libxml2's forgiving HTML parser into `HTMLNode`s.
///
/// Only the attributes some stage reads are kept (`keptAttributes`: id, class, href, rel, type,
/// title, meta names and content …); add a name there before reading a new one.
/// Broken markup is repaired, never rejected; libxml2 never touches the network (`HTML_PARSE_NONET`)
/// and prints nothing. `script`, `style`, `noscript`, `template`, comments and processing
/// instructions are dropped here, so no later stage sees them.
public enum HTMLParser {
    public static func parse(_ html: String) -> HTMLNode {
        LibXML.setUp()
        let root = HTMLNode(element: "#document", attributes: [])
        root.kindFlags = .block
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        var source = html
        var filtered = source.withUTF8 { MarkupPrefilter.strip($0) }
        let document = filtered.withUnsafeMutableBufferPointer { buffer -> htmlDocPtr? in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlReadMemory(pointer, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let document else { return root }
        defer { xmlFreeDoc(document) }
        var counter = 1
        var child = document.pointee.children
        while let node = child {
            copy(node, into: root, counter: &counter)
            child = node.pointee.next
        }
        root.nodeCount = counter
        return root
    }

    /// Copies `node` and its subtree below `parent`, numbering nodes in document order.
    private static func copy(_ node: xmlNodePtr, into parent: HTMLNode, counter: inout Int) {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            // libxml2's HTML parser already lower-cases element and attribute names.
            let name = String(cString: node.pointee.name)
            let kind = ElementKind.of(name)
            if kind.contains(.dropped) { return }
            var titleHint = false
            let element = HTMLNode(element: name, attributes: attributes(of: node, titleHint: &titleHint))
            element.kindFlags = titleHint ? kind.union(.titleHint) : kind
            element.index = counter
            counter += 1
            parent.append(element)
            var childCount = 0
            var sibling = node.pointee.children
            while let next = sibling {
                childCount += 1
                sibling = next.pointee.next
            }
            element.children.reserveCapacity(childCount)
            var child = node.pointee.children
            while let next = child {
                copy(next, into: element, counter: &counter)
                child = next.pointee.next
            }
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            guard let content = node.pointee.content, !isLayoutWhitespace(node, content) else { return }
            let text = HTMLNode(text: String(cString: content))
            text.index = counter
            counter += 1
            parent.append(text)
        default:
            return
        }
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
