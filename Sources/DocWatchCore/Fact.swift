import Foundation

/// One figure, document number, citation, region or organisation found in a document's text.
///
/// `offset` counts Unicode scalars (code points) from the start of `ExtractedDocument.text`, the way
/// Python and JavaScript tools index strings. Only the fields of a fact's kind are set.
public struct Fact: Sendable, Equatable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case percent, change, quantity, citation, region, organization
        case docNumber = "doc_number"
    }

    public var kind: Kind
    /// The span as it stands in the document.
    public var text: String
    public var offset: Int
    /// `percent`, `quantity`: the number, magnitudes (万/亿/万亿) applied.
    public var value: Double?
    /// `quantity`, `change`: 元, 家, 座, 个百分点, %, …
    public var unit: String?
    /// What a figure measures, where the text names it.
    public var subject: String?
    /// `quantity`: 近/超/约/多/余/以上/左右.
    public var qualifier: String?
    /// `change`: the old and new values.
    public var from: Double?
    public var to: Double?
    /// `doc_number`: 甬党发〔2020〕4号 → issuer 甬党发, year 2020, number 4.
    public var issuer: String?
    public var year: Int?
    public var number: Int?
    /// `citation`: the title inside 《》; `region`, `organization`: the name.
    public var name: String?
    /// `region`: the GB/T 2260 administrative division code.
    public var code: String?

    public init(
        kind: Kind, text: String, offset: Int, value: Double? = nil, unit: String? = nil, subject: String? = nil,
        qualifier: String? = nil, from: Double? = nil, to: Double? = nil, issuer: String? = nil, year: Int? = nil,
        number: Int? = nil, name: String? = nil, code: String? = nil
    ) {
        self.kind = kind
        self.text = text
        self.offset = offset
        self.value = value
        self.unit = unit
        self.subject = subject
        self.qualifier = qualifier
        self.from = from
        self.to = to
        self.issuer = issuer
        self.year = year
        self.number = number
        self.name = name
        self.code = code
    }
}
