/// The named metadata fields a change compares besides the text, in the order they are shown.
///
/// A field added here (`doc_number`, `issuer`) joins the diff header, the event's `changes` and
/// `docwatch diff` at once; its raw value is also the `version` column that stores it.
public enum ComparedField: String, Sendable, CaseIterable, Codable {
    case title
    case published

    /// The field's value in an extracted document.
    public func value(in document: ExtractedDocument) -> String? {
        switch self {
        case .title: document.title
        case .published: document.published
        }
    }

    /// Fields compared by their inline differences; the others (dates, numbers) are shown whole.
    var comparedInline: Bool { self == .title }

    /// The `version` table column.
    public var column: String { rawValue }
}

/// What a diff compares of one version: its metadata fields, its text and the facts found in it.
public struct DocumentSnapshot: Sendable, Equatable {
    public var fields: [ComparedField: String]
    public var text: String
    public var facts: [FactMention]

    public init(fields: [ComparedField: String], text: String, facts: [FactMention]) {
        self.fields = fields
        self.text = text
        self.facts = facts
    }

    public init(_ document: ExtractedDocument) {
        var fields: [ComparedField: String] = [:]
        for field in ComparedField.allCases { fields[field] = field.value(in: document) }
        self.init(fields: fields, text: document.text, facts: document.facts.map { FactMention(kind: $0.kind, text: $0.text) })
    }
}
