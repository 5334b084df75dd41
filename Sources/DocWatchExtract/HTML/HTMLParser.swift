import CLibXML2

/// Parses HTML (already decoded to UTF-8) with libxml2's forgiving HTML parser into `HTMLNode`s.
///
/// Broken markup is repaired, never rejected; libxml2 never touches the network (`HTML_PARSE_NONET`)
/// and prints nothing. `script`, `style`, `noscript`, `template`, comments and processing
/// instructions are dropped here, so no later stage sees them.
public enum HTMLParser {
    /// Elements whose content is never document text.
    static let droppedElements: Set<String> = ["script", "style", "noscript", "template", "iframe", "object", "embed", "svg"]

    public static func parse(_ html: String) -> HTMLNode {
        LibXML.setUp()
        let root = HTMLNode(element: "#document", attributes: [:])
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        var utf8 = Array(html.utf8)
        if utf8.isEmpty { return root }
        let document = utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlReadMemory(pointer, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let document else { return root }
        defer { xmlFreeDoc(document) }
        var child = document.pointee.children
        while let node = child {
            copy(node, into: root)
            child = node.pointee.next
        }
        return root
    }

    private static func copy(_ node: xmlNodePtr, into parent: HTMLNode) {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            let name = String(cString: node.pointee.name).lowercased()
            if droppedElements.contains(name) { return }
            let element = HTMLNode(element: name, attributes: attributes(of: node))
            parent.append(element)
            var child = node.pointee.children
            while let next = child {
                copy(next, into: element)
                child = next.pointee.next
            }
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            guard let content = node.pointee.content else { return }
            parent.append(HTMLNode(text: String(cString: content)))
        default:
            return
        }
    }

    private static func attributes(of node: xmlNodePtr) -> [String: String] {
        var result: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = String(cString: current.pointee.name).lowercased()
            if let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)) {
                result[name] = String(cString: value)
                docwatch_xml_free(value)
            } else {
                result[name] = ""
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
