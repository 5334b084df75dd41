/// Everything that changed between two versions of a document: metadata fields, the text line by
/// line with the edits inside changed paragraphs, and the facts that appeared or disappeared.
public struct DocumentDiff: Sendable, Equatable {
    /// A metadata field whose value changed; `inline` when it is compared character by character.
    public struct FieldChange: Sendable, Equatable {
        public var field: ComparedField
        public var before: String?
        public var after: String?
        public var inline: InlineDiff?
    }

    /// A removed line and the added line it became (indices into `text.lines`).
    public struct LinePair: Sendable, Equatable {
        public var removed: Int
        public var added: Int
        public var inline: InlineDiff
    }

    public var fields: [FieldChange]
    public var text: TextDiff
    public var pairs: [LinePair]
    public var factsAdded: [FactMention]
    public var factsRemoved: [FactMention]

    /// How far ahead among a change's added lines a removed line looks for the line it became.
    static let pairingWindow = 8
    /// Paragraphs longer than this (UTF-8 bytes) are not compared character by character.
    static let maxInlineLength = 12_000

    public init(old: DocumentSnapshot, new: DocumentSnapshot, limits: DiffLimits = .standard) {
        fields = ComparedField.allCases.compactMap { field in
            let before = old.fields[field], after = new.fields[field]
            guard before != after else { return nil }
            let inline = field.comparedInline && before != nil && after != nil
                ? InlineDiff(old: before ?? "", new: after ?? "", minimumShare: 0) : nil
            return FieldChange(field: field, before: before, after: after, inline: inline)
        }
        text = TextDiff(old: old.text, new: new.text, limits: limits)
        pairs = text.rewritten ? [] : DocumentDiff.pair(text.lines)
        (factsAdded, factsRemoved) = DocumentDiff.factDelta(old: old.facts, new: new.facts)
    }

    /// Within each run of changed lines, each removed line is paired with the first later added line
    /// (within `pairingWindow`) that shares at least half its units.
    static func pair(_ lines: [TextDiff.Line]) -> [LinePair] {
        var pairs: [LinePair] = []
        var index = 0
        while index < lines.count {
            var removed: [Int] = [], added: [Int] = []
            while index < lines.count {
                switch lines[index] {
                case .same: break
                case .removed: removed.append(index); index += 1; continue
                case .added: added.append(index); index += 1; continue
                }
                break
            }
            var cursor = 0
            for removedIndex in removed {
                guard case .removed(let before) = lines[removedIndex], before.utf8.count <= maxInlineLength else { continue }
                for candidate in cursor..<min(added.count, cursor + pairingWindow) {
                    guard case .added(let after) = lines[added[candidate]], after.utf8.count <= maxInlineLength,
                          let inline = InlineDiff(old: before, new: after) else { continue }
                    pairs.append(LinePair(removed: removedIndex, added: added[candidate], inline: inline))
                    cursor = candidate + 1
                    break
                }
            }
            if removed.isEmpty && added.isEmpty { index += 1 }
        }
        return pairs
    }

    /// Facts (kind and text) in the new version but not the old, and the other way round, as multisets.
    static func factDelta(old: [FactMention], new: [FactMention]) -> (added: [FactMention], removed: [FactMention]) {
        var counts: [FactMention: Int] = [:]
        for fact in old { counts[fact, default: 0] += 1 }
        var added: [FactMention] = []
        for fact in new {
            if let left = counts[fact], left > 0 { counts[fact] = left - 1 } else { added.append(fact) }
        }
        var removed: [FactMention] = []
        for fact in old where (counts[fact] ?? 0) > 0 {
            counts[fact, default: 0] -= 1
            removed.append(fact)
        }
        return (added, removed)
    }

    /// The first `limit` changes, metadata fields first, then the text in order: each edit inside a
    /// paired paragraph, or a quote of a paragraph added or removed whole. None for a rewrite.
    public func changes(limit: Int = 5) -> [ChangeSpan] {
        var spans: [ChangeSpan] = []
        for change in fields {
            if let inline = change.inline {
                spans += DocumentDiff.spans(field: change.field.rawValue, inline)
            } else {
                spans.append(ChangeSpan(field: change.field.rawValue, before: change.before ?? "", after: change.after ?? "", context: ""))
            }
        }
        guard !text.rewritten else { return Array(spans.prefix(limit)) }
        let pairedBy = Dictionary(uniqueKeysWithValues: pairs.map { ($0.removed, $0) })
        let pairedAdded = Set(pairs.map(\.added))
        for (index, line) in text.lines.enumerated() where spans.count < limit {
            switch line {
            case .same: continue
            case .removed(let before):
                if let pair = pairedBy[index] {
                    spans += DocumentDiff.spans(field: "text", pair.inline)
                } else {
                    spans.append(ChangeSpan(field: "text", before: ChangeSpan.quote(before), after: "", context: ""))
                }
            case .added(let after):
                guard !pairedAdded.contains(index) else { continue }
                spans.append(ChangeSpan(field: "text", before: "", after: ChangeSpan.quote(after), context: ""))
            }
        }
        return Array(spans.prefix(limit))
    }

    private static func spans(field: String, _ inline: InlineDiff) -> [ChangeSpan] {
        var kept = ""
        var spans: [ChangeSpan] = []
        for segment in inline.segments {
            switch segment {
            case .same(let text):
                kept = text
            case .changed(let before, let after):
                spans.append(ChangeSpan(field: field, before: before, after: after, context: ChangeSpan.lead(kept)))
                kept = ""
            }
        }
        return spans
    }

    /// The event's `diff` object: sizes, where the unified diff is, and the first changes and facts.
    public func summary(file: String, changeLimit: Int = 5, factLimit: Int = 5) -> ChangeEvent.DiffSummary {
        ChangeEvent.DiffSummary(
            added: text.addedCount, removed: text.removedCount, file: file, rewritten: text.rewritten,
            changes: changes(limit: changeLimit), factsAdded: Array(factsAdded.prefix(factLimit)),
            factsRemoved: Array(factsRemoved.prefix(factLimit)))
    }
}
