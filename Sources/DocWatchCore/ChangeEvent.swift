import Foundation

/// The kinds of change notification written to the log directory.
public enum ChangeEventType: String, Sendable, Codable, CaseIterable {
    case documentNew = "document.new"
    case documentChanged = "document.changed"
    case documentGone = "document.gone"
    case sourceFailing = "source.failing"
    case sourceRecovered = "source.recovered"
}

/// One line of `changes-YYYY-MM-DD.jsonl`, as DESIGN.md's notification format gives it.
public struct ChangeEvent: Sendable, Equatable, Codable {
    /// Size of a text change, where its unified diff is (relative to the log directory), and the
    /// first few changes and facts, so a notification can say what changed without the file.
    public struct DiffSummary: Sendable, Equatable, Codable {
        /// Lines added and removed (a rewrite counts every line of both).
        public var added: Int
        public var removed: Int
        public var file: String
        /// The texts were too different to compare line by line (encoded only when true).
        public var rewritten: Bool
        /// Metadata fields first, then the text; see `ChangeSpan`.
        public var changes: [ChangeSpan]
        public var factsAdded: [FactMention]
        public var factsRemoved: [FactMention]

        public init(added: Int, removed: Int, file: String, rewritten: Bool = false, changes: [ChangeSpan] = [],
                    factsAdded: [FactMention] = [], factsRemoved: [FactMention] = []) {
            self.added = added
            self.removed = removed
            self.file = file
            self.rewritten = rewritten
            self.changes = changes
            self.factsAdded = factsAdded
            self.factsRemoved = factsRemoved
        }

        enum CodingKeys: String, CodingKey {
            case added, removed, file, rewritten, changes
            case factsAdded = "facts_added"
            case factsRemoved = "facts_removed"
        }

        /// Lines written before these fields existed decode with none.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                added: try container.decode(Int.self, forKey: .added), removed: try container.decode(Int.self, forKey: .removed),
                file: try container.decode(String.self, forKey: .file),
                rewritten: try container.decodeIfPresent(Bool.self, forKey: .rewritten) ?? false,
                changes: try container.decodeIfPresent([ChangeSpan].self, forKey: .changes) ?? [],
                factsAdded: try container.decodeIfPresent([FactMention].self, forKey: .factsAdded) ?? [],
                factsRemoved: try container.decodeIfPresent([FactMention].self, forKey: .factsRemoved) ?? [])
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(added, forKey: .added)
            try container.encode(removed, forKey: .removed)
            try container.encode(file, forKey: .file)
            if rewritten { try container.encode(true, forKey: .rewritten) }
            try container.encode(changes, forKey: .changes)
            try container.encode(factsAdded, forKey: .factsAdded)
            try container.encode(factsRemoved, forKey: .factsRemoved)
        }
    }

    public var seq: Int64
    public var id: String
    /// UTC, `2026-11-21T08:00:03Z`.
    public var time: String
    public var type: ChangeEventType
    public var source: String
    public var url: String?
    public var document: Int64?
    public var version: Int?
    public var contentHash: String?
    public var previousHash: String?
    public var title: String?
    public var published: String?
    public var diff: DiffSummary?
    /// `source.failing`: what went wrong.
    public var error: String?

    public init(
        seq: Int64, time: String, type: ChangeEventType, source: String, url: String? = nil,
        document: Int64? = nil, version: Int? = nil, contentHash: String? = nil, previousHash: String? = nil,
        title: String? = nil, published: String? = nil, diff: DiffSummary? = nil, error: String? = nil
    ) {
        self.seq = seq
        self.id = ChangeEvent.eventID(seq)
        self.time = time
        self.type = type
        self.source = source
        self.url = url
        self.document = document
        self.version = version
        self.contentHash = contentHash
        self.previousHash = previousHash
        self.title = title?.capped(at: Self.titleLimit)
        self.published = published?.capped(at: Self.shortFieldLimit)
        self.diff = diff
        self.error = error?.capped(at: Self.errorLimit)
    }

    /// Caps on the free-text fields, in Unicode scalars, so one event stays one short line.
    public static let titleLimit = 500
    public static let errorLimit = 1000
    public static let shortFieldLimit = 100

    /// `evt-000042`.
    public static func eventID(_ seq: Int64) -> String {
        let digits = String(seq)
        return "evt-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    enum CodingKeys: String, CodingKey {
        case seq, id, time, type, source, url, document, version, title, published, diff, error
        case contentHash = "content_hash"
        case previousHash = "previous_hash"
    }

    /// One JSON line, keys in a stable order, no trailing newline.
    public func jsonLine() -> String {
        let data = (try? DocWatchJSON.encoder().encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
