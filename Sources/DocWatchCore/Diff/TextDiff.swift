/// Line diff between two texts, for `document.changed` diffs and `docwatch diff`.
///
/// Myers' linear-space diff over interned lines. Past `DiffLimits` the texts are not searched:
/// the diff is marked `rewritten` and holds every old line removed and every new line added, so its
/// unified form still applies with `patch`.
public struct TextDiff: Sendable, Equatable {
    public enum Line: Sendable, Equatable {
        case same(String)
        case added(String)
        case removed(String)
    }

    public var lines: [Line]
    /// The texts differ by more than the limits allow: shown as a rewrite, not line by line.
    public var rewritten: Bool
    /// Whether each text's last line ends with a newline (the unified form says so when it does not).
    public var oldEndsWithNewline: Bool
    public var newEndsWithNewline: Bool

    public var addedCount: Int { lines.reduce(0) { if case .added = $1 { $0 + 1 } else { $0 } } }
    public var removedCount: Int { lines.reduce(0) { if case .removed = $1 { $0 + 1 } else { $0 } } }

    /// The shortest edit script between the lines of `old` and `new`, or a rewrite past `limits`.
    public init(old: String, new: String, limits: DiffLimits = .standard) {
        let (a, oldEnds) = TextDiff.split(old)
        let (b, newEnds) = TextDiff.split(new)
        oldEndsWithNewline = oldEnds
        newEndsWithNewline = newEnds
        var interner = Interner<String>()
        let codesA = interner.codes(a), codesB = interner.codes(b)
        let marks = a.count + b.count <= limits.maxLines ? MyersDiff.marks(codesA, codesB, maxEdits: limits.maxEdits) : nil
        guard let marks else {
            rewritten = true
            lines = a.map(Line.removed) + b.map(Line.added)
            return
        }
        rewritten = false
        lines = TextDiff.script(a, b, marks)
        // Last lines equal but for the final newline: a change to `patch`, shown as one.
        if oldEnds != newEnds, case .same(let last)? = lines.last {
            lines[lines.count - 1] = .removed(last)
            lines.append(.added(last))
        }
    }

    /// The lines of `text` and whether the last one ends with a newline; "" has no lines.
    static func split(_ text: String) -> ([String], Bool) {
        guard !text.isEmpty else { return ([], true) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let terminated = text.hasSuffix("\n")
        if terminated { lines.removeLast() }
        return (lines, terminated)
    }

    /// Kept, removed and added lines in order; within a change, removed lines come first.
    private static func script(_ a: [String], _ b: [String], _ marks: MyersDiff.Marks) -> [Line] {
        var out: [Line] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            while i < a.count, marks.removed[i] { out.append(.removed(a[i])); i += 1 }
            while j < b.count, marks.added[j] { out.append(.added(b[j])); j += 1 }
            if i < a.count, j < b.count, !marks.removed[i], !marks.added[j] {
                out.append(.same(a[i])); i += 1; j += 1
            } else if i >= a.count || j >= b.count {
                // Only marked elements can remain on one side once the other is used up.
                while i < a.count { out.append(.removed(a[i])); i += 1 }
                while j < b.count { out.append(.added(b[j])); j += 1 }
            }
        }
        return out
    }
}

/// Where a diff stops searching and reports a rewrite instead.
public struct DiffLimits: Sendable, Equatable {
    /// Old plus new lines beyond which the texts are not compared.
    public var maxLines: Int
    /// Edit distance (lines added plus removed) beyond which the diff is a rewrite.
    public var maxEdits: Int

    public init(maxLines: Int, maxEdits: Int) {
        self.maxLines = maxLines
        self.maxEdits = maxEdits
    }

    /// 200,000 lines, 4,000 edits: a worst case of about (N+M)·D/2 steps stays well under a second.
    public static let standard = DiffLimits(maxLines: 200_000, maxEdits: 4_000)
}
