/// The text of DOCX and XLSX files, read from the XML parts inside their zip.
///
/// DOCX: `word/document.xml`, one paragraph (`w:p`) a line, tabs and breaks kept. XLSX: every
/// worksheet in order, one row a line with its cells separated by tabs; shared strings
/// (`xl/sharedStrings.xml`) and inline strings resolved.
enum OOXMLText {
    static func word(_ archive: ZipArchive) throws(DocumentTextError) -> String {
        guard let part = try archive.entry("word/document.xml") else { throw .unreadable("no word/document.xml in the DOCX") }
        var lines: [String] = []
        var line = ""
        var inText = false
        try XMLStreamReader.read(part, part: "word/document.xml") { event in
            switch (event.kind, event.name) {
            case (.start, "t"): inText = true
            case (.end, "t"): inText = false
            case (.start, "tab"): line += "\t"
            case (.start, "br"), (.start, "cr"): line += "\n"
            case (.end, "p"):
                lines.append(line)
                line = ""
            case (.text, _) where inText: line += event.text
            default: break
            }
        }
        if !line.isEmpty { lines.append(line) }
        return TextLines.join(lines)
    }

    static func spreadsheet(_ archive: ZipArchive) throws(DocumentTextError) -> String {
        let shared = try sharedStrings(archive)
        let sheets = archive.names.filter { $0.hasPrefix("xl/worksheets/") && $0.hasSuffix(".xml") && !$0.contains("_rels") }
            .sorted { SheetOrder.number($0) < SheetOrder.number($1) }
        guard !sheets.isEmpty else { throw .unreadable("no worksheet in the XLSX") }
        var lines: [String] = []
        for sheet in sheets {
            guard let part = try archive.entry(sheet) else { continue }
            var row: [String] = []
            var cell = "", cellType = "", inValue = false
            try XMLStreamReader.read(part, part: sheet) { event in
                switch (event.kind, event.name) {
                case (.start, "c"):
                    cellType = event.attribute("t") ?? ""
                    cell = ""
                case (.start, "v"), (.start, "t"): inValue = true
                case (.end, "v"), (.end, "t"): inValue = false
                case (.text, _) where inValue: cell += event.text
                case (.end, "c"):
                    row.append(cellType == "s" ? Int(cell).flatMap { shared.indices.contains($0) ? shared[$0] : nil } ?? "" : cell)
                case (.end, "row"):
                    lines.append(row.joined(separator: "\t"))
                    row = []
                default: break
                }
            }
        }
        return TextLines.join(lines)
    }

    /// The shared string table: each `si`'s text runs joined, phonetic runs (`rPh`) left out.
    private static func sharedStrings(_ archive: ZipArchive) throws(DocumentTextError) -> [String] {
        guard let part = try archive.entry("xl/sharedStrings.xml") else { return [] }
        var strings: [String] = []
        var current = "", inText = false, inPhonetic = false
        try XMLStreamReader.read(part, part: "xl/sharedStrings.xml") { event in
            switch (event.kind, event.name) {
            case (.start, "si"): current = ""
            case (.end, "si"): strings.append(current)
            case (.start, "rPh"): inPhonetic = true
            case (.end, "rPh"): inPhonetic = false
            case (.start, "t"): inText = !inPhonetic
            case (.end, "t"): inText = false
            case (.text, _) where inText: current += event.text
            default: break
            }
        }
        return strings
    }
}

/// Orders `sheet2.xml` before `sheet10.xml`.
enum SheetOrder {
    static func number(_ name: String) -> Int {
        Int(String(name.reversed().drop { !$0.isNumber }.prefix { $0.isNumber }.reversed())) ?? 0
    }
}

/// Lines of extracted text: trailing white space trimmed, empty lines dropped.
enum TextLines {
    static func join(_ lines: [String]) -> String {
        var kept: [Substring] = []
        for text in lines {
            for var line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                // LibreOffice's text export starts with a byte-order mark.
                if line.first == "\u{FEFF}" { line = line.dropFirst() }
                while let last = line.last, last.isWhitespace { line = line.dropLast() }
                if !line.isEmpty { kept.append(line) }
            }
        }
        return kept.joined(separator: "\n")
    }
}
