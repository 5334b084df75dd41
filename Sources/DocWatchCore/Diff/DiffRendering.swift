/// Renders a `DocumentDiff` for people (`docwatch diff`) and for the diff file.
///
/// Marks edits `[-84%-]{+86%+}` in plain text; with `colored`, removed text is red and added text
/// green instead (ANSI), for a terminal.
public struct DiffRendering: Sendable {
    public var colored: Bool

    public init(colored: Bool) {
        self.colored = colored
    }

    private static let red = "\u{1B}[31m", green = "\u{1B}[32m", reset = "\u{1B}[0m"

    func removed(_ text: String) -> String {
        text.isEmpty ? "" : colored ? Self.red + text + Self.reset : "[-" + text + "-]"
    }

    func added(_ text: String) -> String {
        text.isEmpty ? "" : colored ? Self.green + text + Self.reset : "{+" + text + "+}"
    }

    /// A whole line, coloured at a terminal and left as it is otherwise.
    private func paint(_ text: String, _ color: String) -> String {
        colored ? color + text + Self.reset : text
    }

    /// One paragraph with its edits marked.
    public func inline(_ diff: InlineDiff) -> String {
        diff.segments.map { segment in
            switch segment {
            case .same(let text): text
            case .changed(let before, let after): removed(before) + added(after)
            }
        }.joined()
    }

    /// `title: 新建5G基站[-5.2万-]{+6.1万+}座`, one line per changed field, and a line saying the text
    /// was rewritten when it was. `patch` skips these lines ahead of the `---` line.
    public func header(_ diff: DocumentDiff) -> String {
        var out = ""
        for change in diff.fields {
            let value = change.inline.map(inline) ?? removed(change.before ?? "") + added(change.after ?? "")
            out += "\(change.field.rawValue): \(value)\n"
        }
        if diff.text.rewritten {
            out += "rewritten: \(diff.text.removedCount) lines replaced by \(diff.text.addedCount) (too different to compare line by line)\n"
        }
        return out
    }

    /// The header and the unified diff `patch` applies: what the log directory's `diffs/<seq>.diff` holds.
    public func file(_ diff: DocumentDiff, from fromLabel: String, to toLabel: String) -> String {
        header(diff) + diff.text.unified(from: fromLabel, to: toLabel)
    }

    /// The header and the hunks, a changed paragraph on one `~` line with its edits marked; a rewrite
    /// is said in the header and not listed line by line.
    public func view(_ diff: DocumentDiff, from fromLabel: String, to toLabel: String) -> String {
        var out = header(diff) + "--- \(fromLabel)\n+++ \(toLabel)\n"
        guard !diff.text.rewritten else { return out }
        let pairedBy = Dictionary(uniqueKeysWithValues: diff.pairs.map { ($0.removed, $0) })
        let pairedAdded = Set(diff.pairs.map(\.added))
        for hunk in diff.text.hunks() {
            out += hunk.header + "\n"
            for index in hunk.range {
                switch diff.text.lines[index] {
                case .same(let text): out += " \(text)\n"
                case .removed(let text):
                    out += (pairedBy[index].map { "~" + inline($0.inline) } ?? "-" + paint(text, Self.red)) + "\n"
                case .added(let text):
                    guard !pairedAdded.contains(index) else { continue }
                    out += "+" + paint(text, Self.green) + "\n"
                }
            }
        }
        return out
    }
}
