import DocWatchCore
import Foundation

/// Which fetch-log rows `fetchLog(_:)` returns.
public struct FetchLogFilter: Sendable {
    public var source: String?
    public var outcome: FetchOutcome?
    public var since: Date?
    /// Only rows with an id above this (for `--follow`).
    public var afterID: Int64?
    public var limit: Int

    public init(source: String? = nil, outcome: FetchOutcome? = nil, since: Date? = nil, afterID: Int64? = nil, limit: Int = 100) {
        self.source = source
        self.outcome = outcome
        self.since = since
        self.afterID = afterID
        self.limit = limit
    }
}

/// Which documents `search(_:)` returns.
public struct SearchRequest: Sendable {
    /// The query in Simplified script (the caller normalises it); nil lists newest first.
    public var text: String?
    public var source: String?
    public var since: Date?
    public var until: Date?
    public var factKind: Fact.Kind?
    public var limit: Int

    public init(text: String? = nil, source: String? = nil, since: Date? = nil, until: Date? = nil, factKind: Fact.Kind? = nil, limit: Int = 20) {
        self.text = text
        self.source = source
        self.since = since
        self.until = until
        self.factKind = factKind
        self.limit = limit
    }
}

/// One search result.
public struct SearchHit: Sendable, Equatable, Codable {
    public var document: Int64
    public var url: String
    public var source: String
    public var title: String
    public var published: String?
    /// bm25 score, higher is better; 0 when listing without a query.
    public var score: Double
    public var snippet: String
}

/// One stored version of a document.
public struct VersionSummary: Sendable, Equatable, Codable {
    public var number: Int
    public var contentHash: String
    public var rawHash: String
    public var fetchedAt: Date
    public var title: String

    enum CodingKeys: String, CodingKey {
        case number, title
        case contentHash = "content_hash"
        case rawHash = "raw_hash"
        case fetchedAt = "fetched_at"
    }
}

/// A near-duplicate link of a document.
public struct NearDuplicateLink: Sendable, Equatable, Codable {
    public var id: Int64
    public var url: String
    /// Hamming distance between the two documents' SimHash fingerprints.
    public var distance: Int
    /// Share of the shorter document's paragraph text found in the other, when that is what linked them.
    public var overlap: Double?
}

/// One document with its current extraction, versions, facts and duplicate links (`docwatch show`).
public struct DocumentDetail: Sendable, Equatable {
    public var id: Int64
    public var url: String
    public var source: String
    public var firstSeen: Date
    public var lastSeen: Date
    public var current: ExtractedDocument
    public var currentVersion: Int
    public var versions: [VersionSummary]
    public var duplicateOf: Int64?
    public var nearDuplicates: [NearDuplicateLink]
    /// The current version's attachments, in link order.
    public var attachments: [AttachmentSummary] = []
}
