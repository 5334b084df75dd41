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
        var interner = Interner<UTF8Line>()
        let (a, codesA, oldEnds) = TextDiff.split(old, &interner)
        let (b, codesB, newEnds) = TextDiff.split(new, &interner)
        oldEndsWithNewline = oldEnds
        newEndsWithNewline = newEnds
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

    /// The lines of `text`, their codes, and whether the last one ends with a newline; "" has no lines.
    /// Lines are compared by their UTF-8 bytes: hashing `String`s would normalise every line first.
    static func split(_ text: String, _ interner: inout Interner<UTF8Line>) -> ([String], [Int32], Bool) {
        let bytes = Array(text.utf8)
        var lines: [String] = [], codes: [Int32] = []
        var start = 0
        func add(_ end: Int) {
            let line = bytes[start..<end]
            lines.append(String(decoding: line, as: UTF8.self))
            codes.append(interner.code(UTF8Line(bytes: line)))
            start = end + 1
        }
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") { add(index) }
        let terminated = start == bytes.count
        if !terminated { add(bytes.count) }
        return (lines, codes, terminated)
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

/// A line's UTF-8 bytes as a dictionary key, hashed in one call.
struct UTF8Line: Hashable {
    let bytes: ArraySlice<UInt8>

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
