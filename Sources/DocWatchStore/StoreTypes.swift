import DocWatchCore
import Foundation

/// One row of the ingestion log (`fetch_log`).
public struct FetchLogEntry: Sendable, Equatable, Codable {
    public var time: Date
    public var source: String
    public var url: String
    public var status: Int?
    public var outcome: FetchOutcome
    public var bytes: Int
    public var ms: Int
    public var error: String?

    public init(time: Date, source: String, url: String, status: Int? = nil, outcome: FetchOutcome, bytes: Int = 0, ms: Int = 0, error: String? = nil) {
        self.time = time
        self.source = source
        self.url = url
        self.status = status
        self.outcome = outcome
        self.bytes = bytes
        self.ms = ms
        self.error = error
    }
}

/// What the store remembers of a document's last fetch: validators and hashes for the next poll.
public struct DocumentState: Sendable, Equatable {
    public var id: Int64
    public var etag: String?
    public var lastModified: String?
    public var rawHash: String?
    public var contentHash: String?
    /// The feed `updated` / sitemap `lastmod` seen when it was last fetched.
    public var hint: String?
    public var lastSeen: Date

    public init(id: Int64, etag: String?, lastModified: String?, rawHash: String?, contentHash: String?, hint: String?, lastSeen: Date) {
        self.id = id
        self.etag = etag
        self.lastModified = lastModified
        self.rawHash = rawHash
        self.contentHash = contentHash
        self.hint = hint
        self.lastSeen = lastSeen
    }
}

/// A fetched and extracted page, ready to be stored as a version.
public struct IngestedPage: Sendable {
    public var source: String
    /// Canonical URL: the document's key.
    public var url: String
    public var fetchedAt: Date
    public var status: Int
    public var ms: Int
    public var body: [UInt8]
    /// SHA-256 of `body`; the pipeline passes the one it already computed for the unchanged check.
    public var rawHash: String
    public var contentType: String?
    public var charset: String?
    public var etag: String?
    public var lastModified: String?
    public var hint: String?
    public var document: ExtractedDocument
    /// The files the page links as attachments, in link order: part of the version (`AttachmentContentRules`).
    public var attachments: [AttachmentRecord]

    public init(
        source: String, url: String, fetchedAt: Date, status: Int = 200, ms: Int = 0, body: [UInt8],
        rawHash: String? = nil, contentType: String? = nil, charset: String? = nil, etag: String? = nil,
        lastModified: String? = nil, hint: String? = nil, document: ExtractedDocument, attachments: [AttachmentRecord] = []
    ) {
        self.source = source
        self.url = url
        self.fetchedAt = fetchedAt
        self.status = status
        self.ms = ms
        self.body = body
        self.rawHash = rawHash ?? ContentHash.raw(body)
        self.contentType = contentType
        self.charset = charset
        self.etag = etag
        self.lastModified = lastModified
        self.hint = hint
        self.document = document
        self.attachments = attachments
    }
}

/// What storing a page came to.
public struct StoreResult: Sendable, Equatable {
    public var outcome: FetchOutcome
    public var documentID: Int64
    /// The version number now current.
    public var version: Int
    /// The outbox event written, if any.
    public var eventSeq: Int64?

    public init(outcome: FetchOutcome, documentID: Int64, version: Int, eventSeq: Int64?) {
        self.outcome = outcome
        self.documentID = documentID
        self.version = version
        self.eventSeq = eventSeq
    }
}

/// A source's poll state and health, for the scheduler and `docwatch sources`.
public struct SourceHealth: Sendable, Equatable, Codable {
    public var id: String
    public var kind: String
    public var url: String
    public var name: String
    public var lastPoll: Date?
    public var outcome: String?
    public var nextDue: Date?
    public var failures: Int
    public var lastError: String?
    public var lastSuccess: Date?
    /// List/feed/sitemap sources: documents known and the newest one's first sighting.
    public var documents: Int
    public var lastNew: Date?
    /// The headline of the newest document.
    public var lastNewTitle: String?
    /// On a shared PostgreSQL database: the daemon (node) holding the source's lease, or the last one
    /// that polled it. Always nil on SQLite (one daemon).
    public var node: String?
}
