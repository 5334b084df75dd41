/// A document format docwatch reads attachment text from.
///
/// Named by the file extension sites use. WPS and ET are Kingsoft's word processor and spreadsheet
/// files: OLE2 containers like DOC and XLS, read by the same converter.
public enum AttachmentType: String, Sendable, Codable, CaseIterable {
    case pdf, doc, docx, wps, xls, xlsx, et, ofd

    /// The type a file name or URL path ends in (`…/附件1.PDF`, `a.docx?v=2` is judged on its path).
    public static func fromName(_ name: String) -> AttachmentType? {
        let path = name.split(separator: "?", maxSplits: 1).first.map(String.init) ?? name
        guard let dot = path.lastIndex(of: "."), !path[path.index(after: dot)...].contains("/") else { return nil }
        return AttachmentType(rawValue: path[path.index(after: dot)...].lowercased())
    }

    /// The type a declared media type names, if it names one (`application/octet-stream` names none).
    public static func fromMediaType(_ contentType: String?) -> AttachmentType? {
        guard let contentType else { return nil }
        let type = Whitespace.trim(contentType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? "").lowercased()
        return mediaTypes[type]
    }

    /// The type bytes are, from their signature and, for containers shared by several types (OLE2,
    /// OOXML), the name or media type: an OLE2 file named `.xls` is a spreadsheet.
    public static func detect(_ bytes: [UInt8], name: String?, contentType: String?) -> AttachmentType? {
        let named = name.flatMap(fromName) ?? fromMediaType(contentType)
        switch BodyFormat.detect(bytes) {
        case .pdf: return .pdf
        case .ofd: return .ofd
        case .ooxml, .zip:
            if named == .xlsx || named == .docx || named == .ofd { return named }
            return ZipFlavour.documentType(bytes)
        case .ole2:
            if let named, [.doc, .wps, .xls, .et].contains(named) { return named }
            return OLE2Flavour.isWorkbook(bytes) ? .xls : .doc
        default: return nil
        }
    }

    /// Whether the format is a spreadsheet (its text is rows of cells).
    public var isSpreadsheet: Bool { self == .xls || self == .xlsx || self == .et }

    private static let mediaTypes: [String: AttachmentType] = [
        "application/pdf": .pdf, "application/x-pdf": .pdf,
        "application/msword": .doc,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": .docx,
        "application/vnd.ms-works": .wps, "application/kswps": .wps, "application/wps-office.wps": .wps,
        "application/vnd.ms-excel": .xls, "application/x-xls": .xls,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": .xlsx,
        "application/kset": .et, "application/wps-office.et": .et,
        "application/ofd": .ofd,
    ]
}

/// Tells a DOCX, an XLSX and an OFD apart by the part names in their bytes (zip stores names
/// uncompressed), wherever the parts sit in the archive; nil for any other zip (a PPTX, an archive).
enum ZipFlavour {
    static func documentType(_ bytes: [UInt8]) -> AttachmentType? {
        if ByteSearch.contains(bytes, Array("word/document.xml".utf8)) { return .docx }
        if ByteSearch.contains(bytes, Array("xl/workbook.xml".utf8)) { return .xlsx }
        if ByteSearch.contains(bytes, Array("OFD.xml".utf8)) { return .ofd }
        return nil
    }
}

/// Tells an OLE2 workbook (XLS, ET) from a word-processing file (DOC, WPS) by its stream names,
/// which the directory stores in UTF-16LE.
enum OLE2Flavour {
    static func isWorkbook(_ bytes: [UInt8]) -> Bool {
        let utf16 = { (name: String) in name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        return (ByteSearch.contains(bytes, utf16("Workbook")) || ByteSearch.contains(bytes, utf16("Book")))
            && !ByteSearch.contains(bytes, utf16("WordDocument"))
    }
}

/// A plain search for a byte string, for signature checks over small files.
enum ByteSearch {
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
