import DocWatchCore

/// What the store keeps of an attachment's text: as read, in Simplified script, and its facts.
public struct AttachmentContent: Sendable, Equatable {
    public var text: String
    public var textSimplified: String
    public var facts: [Fact]
}

extension Extractor {
    /// The Simplified copy and the facts of an attachment's text, with this extractor's options.
    public func attachmentContent(text: String) -> AttachmentContent {
        AttachmentContent(text: text, textSimplified: options.simplify ? ScriptNormalizer.shared.toSimplified(text) : text,
                          facts: options.facts ? facts(in: text) : [])
    }

    /// A document made of a file's text, for a source whose URL is itself a PDF, DOCX …: its title
    /// is the first line (at most 200 characters), else `name`.
    public func fileDocument(text: String, name: String?) -> ExtractedDocument {
        let firstLine = text.split(separator: "\n").lazy.map { Whitespace.fold($0) }.first { !$0.isEmpty } ?? ""
        let title = firstLine.isEmpty ? (name ?? "") : String(firstLine.prefix(200))
        let content = attachmentContent(text: text)
        return ExtractedDocument(
            title: title, published: nil, authors: [], editor: nil, source: nil, siteName: nil,
            script: ScriptDetector.script(of: title + text, fallback: nil), text: text, facts: content.facts, links: [],
            titleSimplified: options.simplify ? ScriptNormalizer.shared.toSimplified(title) : title,
            textSimplified: content.textSimplified)
    }

    /// A document file's bytes read as `type` by `reader` and made a document (`fileDocument`): what
    /// the pipeline does with a source URL that is a PDF, DOCX …, and `docwatch extract` with such a file.
    public func fileDocument(bytes: [UInt8], type: AttachmentType, name: String?,
                             reader: DocumentTextReader) async throws(DocumentTextError) -> ExtractedDocument {
        fileDocument(text: try await reader.text(of: bytes, type: type), name: name)
    }

    /// Facts of `text`, over at most `maxFactScalars` of it.
    func facts(in text: String) -> [Fact] {
        FactExtractor().facts(in: text.unicodeScalars.count > Self.maxFactScalars
            ? String(text.unicodeScalars.prefix(Self.maxFactScalars)) : text)
    }
}
