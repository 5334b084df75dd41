import DocWatchCore
import CLibXML2
import Foundation

/// An element of a feed or sitemap, copied out of libxml2 so the parsers above work on Swift values.
///
/// Names are local names (`link`, not `atom:link`).
/// `base` is the URL relative references inside the element resolve against: the document URL
/// changed by every `xml:base` on the way down.
struct XMLTreeElement {
    let name: String
    /// Attribute values by local name; `xml:base` is folded into `base`.
    let attributes: [String: String]
    let base: URL?
    fileprivate(set) var children: [XMLTreeElement] = []
    /// The text and CDATA directly inside this element.
    fileprivate(set) var ownText = ""

    /// The first child named `name`.
    func child(_ name: String) -> XMLTreeElement? {
        children.first { $0.name == name }
    }

    /// Every child named `name`.
    func children(_ name: String) -> [XMLTreeElement] {
        children.filter { $0.name == name }
    }

    /// All text below this element, in document order.
    var textContent: String {
        children.isEmpty ? ownText : ownText + children.map(\.textContent).joined()
    }

    /// `textContent` trimmed; `nil` when nothing is left.
    var trimmedText: String? {
        let text = Whitespace.trim(textContent)
        return text.isEmpty ? nil : text
    }
}

/// Parses XML with libxml2, safely: no network (`XML_PARSE_NONET`), no DTD loading, no entity
/// substitution, and an entity loader that refuses everything. References to entities the
/// document declares itself are dropped, never expanded, so neither `file:///etc/passwd` nor a
/// billion laughs gets into the result.
enum XMLTree {
    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        | XML_PARSE_IGNORE_ENC.rawValue)

    /// The root element of the XML document `bytes`, decoded as its XML declaration or BOM says.
    /// `gb2312`/`gbk` are read as GB18030 and `big5` as Big5-HKSCS, the supersets sites really use.
    /// HTML entities a feed uses without declaring them (`&nbsp;`) are read as their characters.
    static func parse(_ bytes: [UInt8], url: String?) throws(ListingError) -> XMLTreeElement {
        try parse(bytes, url: url, encoding: XMLEncoding.declared(in: bytes))
    }

    /// The root element of `text`, already decoded: its XML declaration's encoding is ignored.
    static func parse(text: String, url: String?) throws(ListingError) -> XMLTreeElement {
        try parse(Array(text.utf8), url: url, encoding: "UTF-8")
    }

    private static func parse(
        _ bytes: [UInt8], url: String?, encoding: String?, retryingEntities: Bool = true
    ) throws(ListingError) -> XMLTreeElement {
        LibXML.setUp()
        guard let context = xmlNewParserCtxt() else { throw .malformedXML(line: 0, column: 0, message: "out of memory") }
        defer { xmlFreeParserCtxt(context) }
        // With no encoding given, libxml2 must read the declaration itself: drop IGNORE_ENC then.
        let flags = encoding == nil ? options & ~Int32(XML_PARSE_IGNORE_ENC.rawValue) : options
        let firstError = XMLFirstError()
        firstError.install(on: context)
        // libxml2 holds an unretained pointer to the recorder: keep it alive for the whole parse.
        let document = withExtendedLifetime(firstError) {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    xmlCtxtReadMemory(context, chars.baseAddress, Int32(clamping: chars.count), url, encoding, flags)
                }
            }
        }
        guard let document else {
            let error = firstError.error ?? lastError(context)
            if retryingEntities, firstError.code == Int32(XML_ERR_UNDECLARED_ENTITY.rawValue),
               let rewritten = HTMLEntityRewrite.rewrite(bytes),
               let root = try? parse(rewritten, url: url, encoding: encoding, retryingEntities: false) {
                return root
            }
            throw error
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else {
            throw .malformedXML(line: 1, column: 1, message: "no root element")
        }
        return copy(root, base: url.flatMap(LinkResolver.base))
    }

    private static func lastError(_ context: xmlParserCtxtPtr) -> ListingError {
        guard let error = xmlCtxtGetLastError(context), error.pointee.code != 0 else {
            return .malformedXML(line: 1, column: 1, message: "Document is empty")
        }
        return XMLFirstError.describe(error.pointee)
    }

    private static func copy(_ node: xmlNodePtr, base parentBase: URL?) -> XMLTreeElement {
        var base = parentBase
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = String(cString: current.pointee.name)
            let value = literalText(current.pointee.children)
            if name == "base", current.pointee.ns?.pointee.prefix.map({ String(cString: $0) }) == "xml" {
                base = LinkResolver.resolve(value, against: parentBase) ?? parentBase
            } else {
                attributes[name] = value
            }
            attribute = current.pointee.next
        }
        var element = XMLTreeElement(
            name: localName(String(cString: node.pointee.name)),
            attributes: attributes, base: base
        )
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                element.children.append(copy(current, base: base))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { element.ownText += String(cString: content) }
            default:
                break // entity references stay unexpanded; comments and PIs carry no data
            }
            child = current.pointee.next
        }
        return element
    }

    /// `date` for `dc:date`: libxml2 keeps the prefix in the name when the feed forgot to declare it.
    private static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    /// The text nodes of an attribute value; entity references are skipped, never expanded.
    private static func literalText(_ first: xmlNodePtr?) -> String {
        var text = ""
        var node = first
        while let current = node {
            if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content {
                text += String(cString: content)
            }
            node = current.pointee.next
        }
        return text
    }
}

/// The encoding an XML declaration names, mapped to the superset libxml2 should decode with.
enum XMLEncoding {
    /// The superset for the encoding declared in `bytes`' XML declaration; `nil` lets libxml2 decide
    /// (no declaration, a byte-order mark, or an encoding it reads as named).
    static func declared(in bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("<?xml".utf8)) else { return nil }
        let head = String(decoding: bytes.prefix(200), as: UTF8.self)
        guard let end = head.range(of: "?>"), let key = head.range(of: "encoding", range: head.startIndex..<end.lowerBound)
        else { return nil }
        let rest = head[key.upperBound..<end.lowerBound].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let label = rest.dropFirst().prefix { $0 != quote }
        return CharsetAlias.superset(of: String(label))
    }
}
