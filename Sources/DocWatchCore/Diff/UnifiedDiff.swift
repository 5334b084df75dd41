/// A run of diff lines shown together, with where it starts in each text (1-based, as unified diffs count).
public struct DiffHunk: Sendable, Equatable {
    /// Indices into `TextDiff.lines`.
    public var range: ClosedRange<Int>
    public var oldStart: Int
    public var newStart: Int
    public var oldCount: Int
    public var newCount: Int

    /// `@@ -3,4 +3,5 @@`; an empty side names the line before it, as `diff -u` does.
    public var header: String {
        "@@ -\(oldCount == 0 ? oldStart - 1 : oldStart),\(oldCount) +\(newCount == 0 ? newStart - 1 : newStart),\(newCount) @@"
    }
}

extension TextDiff {
    /// The changed lines grouped with `context` lines around them; hunks whose context touches merge.
    public func hunks(context: Int = 3) -> [DiffHunk] {
        var ranges: [ClosedRange<Int>] = []
        for index in lines.indices {
            if case .same = lines[index] { continue }
            let window = max(0, index - context)...min(lines.count - 1, index + context)
            if let last = ranges.last, window.lowerBound <= last.upperBound + 1 {
                ranges[ranges.count - 1] = last.lowerBound...max(last.upperBound, window.upperBound)
            } else {
                ranges.append(window)
            }
        }
        var hunks: [DiffHunk] = []
        var oldLine = 1, newLine = 1, position = 0
        for range in ranges {
            for line in lines[position..<range.lowerBound] { advance(line, &oldLine, &newLine) }
            var oldCount = 0, newCount = 0
            for line in lines[range] { advance(line, &oldCount, &newCount) }
            hunks.append(DiffHunk(range: range, oldStart: oldLine, newStart: newLine, oldCount: oldCount, newCount: newCount))
            oldLine += oldCount
            newLine += newCount
            position = range.upperBound + 1
        }
        return hunks
    }

    private func advance(_ line: Line, _ old: inout Int, _ new: inout Int) {
        switch line {
        case .same: old += 1; new += 1
        case .removed: old += 1
        case .added: new += 1
        }
    }

    /// The unified diff with `context` lines around each hunk, headed by the two labels; `patch` applies it.
    public func unified(from fromLabel: String, to toLabel: String, context: Int = 3) -> String {
        var out = "--- \(fromLabel)\n+++ \(toLabel)\n"
        let noNewline = "\\ No newline at end of file\n"
        let oldTotal = lines.count - addedCount, newTotal = lines.count - removedCount
        for hunk in hunks(context: context) {
            out += hunk.header + "\n"
            var oldLine = hunk.oldStart, newLine = hunk.newStart
            for line in lines[hunk.range] {
                switch line {
                case .same(let text):
                    // A line equal in content but missing its newline on one side only differs to `patch`.
                    let oldLast = oldLine == oldTotal && !oldEndsWithNewline, newLast = newLine == newTotal && !newEndsWithNewline
                    if oldLast == newLast {
                        out += " \(text)\n" + (oldLast ? noNewline : "")
                    } else {
                        out += "-\(text)\n" + (oldLast ? noNewline : "") + "+\(text)\n" + (newLast ? noNewline : "")
                    }
                    oldLine += 1; newLine += 1
                case .removed(let text):
                    out += "-\(text)\n"
                    if oldLine == oldTotal && !oldEndsWithNewline { out += noNewline }
                    oldLine += 1
                case .added(let text):
                    out += "+\(text)\n"
                    if newLine == newTotal && !newEndsWithNewline { out += noNewline }
                    newLine += 1
                }
            }
        }
        return out
    }
}
