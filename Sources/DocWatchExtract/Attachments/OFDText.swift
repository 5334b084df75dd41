import DocWatchCore

/// The text of an OFD file (GB/T 33190, the Chinese fixed-layout format): the `TextCode`s of each
/// page's `Content.xml`, one `TextObject` a line, pages in the order `Document.xml` lists them.
enum OFDText {
    static func text(_ archive: ZipArchive) throws(DocumentTextError) -> String {
        var lines: [String] = []
        for page in try pages(archive) {
            guard let part = try archive.entry(page) else { continue }
            var line = "", inCode = false
            try XMLStreamReader.read(part, part: page) { event in
                switch (event.kind, event.name) {
                case (.start, "TextCode"): inCode = true
                case (.end, "TextCode"): inCode = false
                case (.end, "TextObject"):
                    lines.append(line)
                    line = ""
                case (.text, _) where inCode: line += event.text
                default: break
                }
            }
        }
        return TextLines.join(lines)
    }

    /// The page content parts: from `OFD.xml`'s `DocRoot` and its `Page BaseLoc`s, else every
    /// `…/Pages/…/Content.xml` in the archive, in name order.
    private static func pages(_ archive: ZipArchive) throws(DocumentTextError) -> [String] {
        guard let manifest = try archive.entry("OFD.xml") else { throw .unreadable("no OFD.xml in the OFD") }
        var root: String?, inRoot = false
        try XMLStreamReader.read(manifest, part: "OFD.xml") { event in
            switch (event.kind, event.name) {
            case (.start, "DocRoot"): inRoot = true
            case (.end, "DocRoot"): inRoot = false
            case (.text, _) where inRoot: root = (root ?? "") + event.text
            default: break
            }
        }
        var listed: [String] = []
        if let root = root.map(Self.trimmedPath), let document = try archive.entry(root) {
            let folder = root.split(separator: "/").dropLast().joined(separator: "/")
            try XMLStreamReader.read(document, part: root) { event in
                guard event.kind == .start, event.name == "Page", let location = event.attribute("BaseLoc") else { return }
                let path = trimmedPath(location)
                listed.append(location.hasPrefix("/") || folder.isEmpty ? path : folder + "/" + path)
            }
        }
        if !listed.isEmpty { return listed }
        return archive.names.filter { $0.contains("Pages/") && $0.hasSuffix("Content.xml") }.sorted()
    }

    private static func trimmedPath(_ path: String) -> String {
        let trimmed = Whitespace.trim(path)
        return trimmed.hasPrefix("/") ? String(trimmed.dropFirst()) : trimmed
    }
}
