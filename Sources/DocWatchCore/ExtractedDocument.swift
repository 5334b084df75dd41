import Foundation

/// What extraction makes of one page: the fields of DESIGN.md's extraction table.
public struct ExtractedDocument: Sendable, Equatable, Codable {
    /// The headline, not the `<title>` with the site name glued on.
    public var title: String
    /// ISO 8601: `2020-04-15T18:06:00+08:00`, or `2020-04-15` when the page gives only a date.
    public var published: String?
    /// Reporters or writers; never the editor or the outlet.
    public var authors: [String]
    /// 责任编辑 / 编辑.
    public var editor: String?
    /// The outlet or office named as where the article comes from (来源).
    public var source: String?
    /// The office that issued a policy document (发文机关, 发布机构); never an author.
    public var issuer: String?
    /// The document's number as its page states it (发文字号, 文号): `国发〔2024〕17号`.
    public var docNumber: String?
    /// 成文日期, the date a policy document was signed, ISO 8601 like `published`.
    public var written: String?
    /// 索引号 of an information-disclosure page.
    public var indexNumber: String?
    public var siteName: String?
    /// BCP 47: `zh-Hans`, `zh-Hant`, or another tag.
    public var script: String
    /// The body, one paragraph a line.
    public var text: String
    public var facts: [Fact]
    /// Absolute URLs in the body and, for list pages, the article links.
    public var links: [String]
    /// `title` in Simplified script, for hashing and search.
    public var titleSimplified: String
    /// `text` in Simplified script, for hashing, search and near-duplicate detection.
    public var textSimplified: String

    public init(
        title: String = "", published: String? = nil, authors: [String] = [], editor: String? = nil,
        source: String? = nil, issuer: String? = nil, docNumber: String? = nil, written: String? = nil,
        indexNumber: String? = nil, siteName: String? = nil, script: String = "und", text: String = "",
        facts: [Fact] = [], links: [String] = [], titleSimplified: String? = nil, textSimplified: String? = nil
    ) {
        self.title = title
        self.published = published
        self.authors = authors
        self.editor = editor
        self.source = source
        self.issuer = issuer
        self.docNumber = docNumber
        self.written = written
        self.indexNumber = indexNumber
        self.siteName = siteName
        self.script = script
        self.text = text
        self.facts = facts
        self.links = links
        self.titleSimplified = titleSimplified ?? title
        self.textSimplified = textSimplified ?? text
    }

    enum CodingKeys: String, CodingKey {
        case title, published, authors, editor, source, issuer, written, script, text, facts, links
        case docNumber = "doc_number"
        case indexNumber = "index_number"
        case siteName = "site_name"
        case titleSimplified = "title_simplified"
        case textSimplified = "text_simplified"
    }

    /// The content hash DESIGN.md defines: title and text, NFKC, whitespace folded, Simplified.
    public var contentHash: String {
        ContentHash.of(title: titleSimplified, text: textSimplified)
    }
}
