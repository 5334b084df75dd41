/// One change, as short as the change itself, for a notification that should not need the diff file:
/// `context + before → after` reads "覆盖率达到84% → 86%".
public struct ChangeSpan: Sendable, Equatable, Codable {
    /// `text`, or the metadata field that changed (`title`, `published`, …).
    public var field: String
    /// The old text of the change ("" for an insertion).
    public var before: String
    /// The new text of the change ("" for a deletion).
    public var after: String
    /// Up to `leadLength` characters kept just before the change, from the last clause break.
    public var context: String

    public init(field: String, before: String, after: String, context: String) {
        self.field = field
        self.before = before
        self.after = after
        self.context = context
    }

    /// One line for a notification: `title: 江苏新建5G基站5.2万 → 6.1万`, `覆盖率达到84% → 86%`.
    public var summary: String {
        (field == "text" ? "" : field + ": ") + context + before + " → " + after
    }

    /// How much kept text leads a change.
    public static let leadLength = 16
    /// How much of a paragraph added or removed whole is quoted.
    public static let quoteLength = 60

    /// The last `leadLength` characters of `kept`, starting after a clause break (，。；：) when one is there.
    public static func lead(_ kept: String) -> String {
        let tail = String(kept.suffix(leadLength))
        guard let cut = tail.lastIndex(where: { "，。；：！？,;:!?、\n".contains($0) }) else { return tail }
        return String(tail[tail.index(after: cut)...])
    }

    /// `text` cut to `quoteLength` characters, with "…" when cut.
    public static func quote(_ text: String) -> String {
        text.count <= quoteLength ? text : String(text.prefix(quoteLength)) + "…"
    }
}

/// A fact that appeared or disappeared between two versions: its kind and its text as written.
public struct FactMention: Sendable, Equatable, Hashable, Codable {
    public var kind: Fact.Kind
    public var text: String

    public init(kind: Fact.Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}
