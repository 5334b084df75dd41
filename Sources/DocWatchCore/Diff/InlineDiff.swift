/// The differences inside one changed paragraph (a removed line paired with an added one):
/// character by character for Chinese, word by word for Latin text, figures whole.
public struct InlineDiff: Sendable, Equatable {
    public enum Segment: Sendable, Equatable {
        case same(String)
        /// Text of the old paragraph replaced by (or dropped for) `after`.
        case changed(before: String, after: String)
    }

    public var segments: [Segment]

    /// Nil when the two paragraphs share less than half their units: then they are shown as a
    /// paragraph removed and another added, not as an edit of one into the other.
    public init?(old: String, new: String, minimumShare: Double = 0.5) {
        let a = InlineTokens(old), b = InlineTokens(new)
        var interner = Interner<ScalarRun>()
        let codesA = a.codes(&interner), codesB = b.codes(&interner)
        // Sharing at least `minimumShare` of the units means at most (1 - share)·(N+M) edits.
        let maxEdits = Int((1 - minimumShare) * Double(codesA.count + codesB.count))
        guard let marks = MyersDiff.marks(codesA, codesB, maxEdits: maxEdits) else { return nil }
        segments = InlineDiff.merge(InlineDiff.segments(a, b, marks))
    }

    /// The changed segments only.
    public var changes: [(before: String, after: String)] {
        segments.compactMap { if case .changed(let before, let after) = $0 { (before, after) } else { nil } }
    }

    private static func segments(_ a: InlineTokens, _ b: InlineTokens, _ marks: MyersDiff.Marks) -> [Segment] {
        var out: [Segment] = []
        let countA = marks.removed.count, countB = marks.added.count
        var i = 0, j = 0
        while i < countA || j < countB {
            let startA = i, startB = j
            while i < countA, marks.removed[i] { i += 1 }
            while j < countB, marks.added[j] { j += 1 }
            if i > startA || j > startB { out.append(.changed(before: a.text(startA..<i), after: b.text(startB..<j))) }
            let sameStart = i
            while i < countA, j < countB, !marks.removed[i], !marks.added[j] { i += 1; j += 1 }
            if i > sameStart { out.append(.same(a.text(sameStart..<i))) }
        }
        return out
    }

    /// One kept character between two changes is folded into one change: 提高到 → 降低至 reads
    /// better as one replacement than as three.
    private static func merge(_ segments: [Segment]) -> [Segment] {
        var out: [Segment] = []
        for segment in segments {
            if case .changed(let before, let after) = segment, out.count >= 2,
               case .same(let gap) = out[out.count - 1], gap.count == 1,
               case .changed(let previousBefore, let previousAfter) = out[out.count - 2] {
                out.removeLast(2)
                out.append(.changed(before: previousBefore + gap + before, after: previousAfter + gap + after))
            } else {
                out.append(segment)
            }
        }
        return out
    }
}
