import DocWatchCore

/// One attachment of a document version: where it was linked, what it is and its text.
///
/// The pipeline builds these from fetched files; the store gives them back for the next poll's
/// conditional requests (`etag`, `lastModified`) and for a 304, which reuses the stored text.
public struct AttachmentRecord: Sendable, Equatable {
    public var url: String
    /// The name as the article's link text says it.
    public var name: String
    public var type: AttachmentType
    /// SHA-256 of the file's bytes (`sha256:` and hex, like `raw_hash`).
    public var sha256: String
    public var text: String
    public var textSimplified: String
    /// Facts found in `text`; their offsets are into `text`.
    public var facts: [Fact]
    public var etag: String?
    public var lastModified: String?

    public init(url: String, name: String, type: AttachmentType, sha256: String, text: String, textSimplified: String,
                facts: [Fact], etag: String? = nil, lastModified: String? = nil) {
        self.url = url
        self.name = name
        self.type = type
        self.sha256 = sha256
        self.text = text
        self.textSimplified = textSimplified
        self.facts = facts
        self.etag = etag
        self.lastModified = lastModified
    }

    /// Characters of `text`, as `show` reports them.
    public var chars: Int { text.count }
}

/// How attachments enter a version's content hash, diff and search index.
///
/// The content hash of a version with attachments is the hash of the page's content hash followed
/// by, for each attachment in link order, its URL and the content hash of its Simplified text:
/// a new, dropped or re-worded attachment changes the version; the same text re-saved (new bytes,
/// same words) does not. A page without attachments keeps the plain page hash, so documents stored
/// before attachments existed do not all change at once.
public enum AttachmentContentRules {
    /// The version's content hash from the page's and the attachments'.
    public static func contentHash(page: String, attachments: [AttachmentRecord]) -> String {
        guard !attachments.isEmpty else { return page }
        let parts = attachments.map { $0.url + "\n" + ContentHash.of(title: $0.name, text: $0.textSimplified) }
        return ContentHash.of(title: page, text: parts.joined(separator: "\n"))
    }

    /// The text a diff compares: the page's text, then each attachment under a `【附件：name】` line.
    public static func comparedText(page: String, attachments: [(name: String, text: String)]) -> String {
        attachments.reduce(page) { text, attachment in text + "\n\n【附件：\(attachment.name)】\n" + attachment.text }
    }

    /// The text the search index holds for the document: the page's, then every attachment's.
    public static func indexedText(page: String, attachments: [String]) -> String {
        ([page] + attachments).joined(separator: "\n")
    }
}
