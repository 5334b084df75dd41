import CLibXML2

/// Reads an XML part (OOXML, OFD) as a stream of start tags, end tags and text with libxml2's
/// `xmlTextReader`, so a large worksheet is never held as a tree.
///
/// Safe like `XMLTree`: no network, no DTD loading, no entity substitution.
struct XMLStreamReader {
    /// One step of the stream; `attribute` is valid only inside the callback that receives it.
    struct Event {
        enum Kind { case start, end, text }
        let kind: Kind
        /// The local name (`t`, not `w:t`) for tags; empty for text.
        let name: String
        /// The characters, for text (significant white space included).
        let text: String
        fileprivate let reader: xmlTextReaderPtr

        /// The value of attribute `name` (as written, prefix included) on a start tag.
        func attribute(_ name: String) -> String? {
            guard let value = xmlTextReaderGetAttribute(reader, name) else { return nil }
            defer { docwatch_xml_free(value) }
            return String(cString: value)
        }
    }

    private static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        | XML_PARSE_HUGE.rawValue)

    /// Calls `visit` for each event of `bytes`, in document order; an empty element gives a start
    /// and an end. Throws when the XML is malformed.
    static func read(_ bytes: [UInt8], part: String, _ visit: (Event) -> Void) throws(DocumentTextError) {
        LibXML.setUp()
        let created = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReaderForMemory($0, Int32(buffer.count), nil, nil, options)
                }
            }
        }
        guard let reader = created else { throw .unreadable("cannot read \(part) as XML") }
        defer { xmlFreeTextReader(reader) }
        // The reader reads from `bytes` lazily, so the whole loop stays inside their lifetime.
        let status: Int32 = bytes.withUnsafeBufferPointer { _ in
            var result: Int32 = 1
            while true {
                result = xmlTextReaderRead(reader)
                guard result == 1 else { break }
                let type = xmlTextReaderNodeType(reader)
                switch type {
                case 1:
                    let name = localName(reader)
                    visit(Event(kind: .start, name: name, text: "", reader: reader))
                    if xmlTextReaderIsEmptyElement(reader) == 1 { visit(Event(kind: .end, name: name, text: "", reader: reader)) }
                case 15:
                    visit(Event(kind: .end, name: localName(reader), text: "", reader: reader))
                case 3, 4, 14:
                    let value = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
                    visit(Event(kind: .text, name: "", text: value, reader: reader))
                default:
                    break
                }
            }
            return result
        }
        if status < 0 { throw .unreadable("malformed XML in \(part)") }
    }

    private static func localName(_ reader: xmlTextReaderPtr) -> String {
        xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
    }
}
