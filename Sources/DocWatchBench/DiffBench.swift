import DocWatchCore
import Foundation

/// `docwatch-bench diff`: one diff of two generated versions of a long document, the way the store
/// makes it for a `document.changed` event (line diff, paired paragraphs, changes, diff file text).
/// Time and peak memory are measured from outside, on the whole process (`/usr/bin/time -v`).
struct DiffBench {
    enum Shape: String {
        /// Every line reworded: the usual "page replaced" case.
        case rewrite
        /// Five paragraphs edited, inserted or deleted.
        case edits
        /// One line in seven reworded: the most work the edit bound lets through.
        case heavy
    }

    let shape: Shape
    let lines: Int
    /// Run the n×m table diff docwatch used before (`ReferenceLCSDiff`) instead.
    let reference: Bool

    /// A paragraph of a typical Chinese government news page, varied by `index` and `variant`.
    static func line(_ index: Int, variant: Int = 0) -> String {
        let subjects = ["规模以上工业企业复工率", "重点场所5G网络覆盖率", "人员返岗率", "主要产品产能利用率"]
        let verbs = variant == 0 ? "达到" : "提升至"
        return "第\(index)段：截至\(index % 12 + 1)月底，全省\(subjects[(index + variant) % subjects.count])\(verbs)"
            + "\((index * 7 + variant) % 100)%，累计建成5G基站\(index % 9 + 1).\(index % 10)万座，比上年同期提高\(index % 13)个百分点。"
    }

    func texts() -> (old: String, new: String) {
        let old = (0..<lines).map { Self.line($0) }
        var new = old
        switch shape {
        case .rewrite:
            new = (0..<lines).map { Self.line($0, variant: 1) }
        case .edits:
            new[lines / 5] = Self.line(lines / 5, variant: 1)
            new[lines / 2] = Self.line(lines / 2, variant: 1)
            new.insert("新增：全省已有12个先进制造业集群实现满负荷生产。", at: lines / 3)
            new.remove(at: lines * 3 / 4)
            new[lines - 1] = Self.line(lines - 1, variant: 1)
        case .heavy:
            for index in stride(from: 0, to: lines, by: 7) { new[index] = Self.line(index, variant: 1) }
        }
        return (old.joined(separator: "\n"), new.joined(separator: "\n"))
    }

    func run() {
        let (old, new) = texts()
        let start = ContinuousClock.now
        let summary: String
        if reference {
            let diff = ReferenceLCSDiff(old: old, new: new)
            summary = "added \(diff.added) removed \(diff.removed)"
        } else {
            let diff = DocumentDiff(old: DocumentSnapshot(fields: [:], text: old, facts: []),
                                    new: DocumentSnapshot(fields: [:], text: new, facts: []))
            let file = DiffRendering(colored: false).file(diff, from: "old", to: "new")
            summary = "added \(diff.text.addedCount) removed \(diff.text.removedCount) rewritten \(diff.text.rewritten) "
                + "changes \(diff.changes().count) file \(file.utf8.count) bytes"
        }
        let elapsed = ContinuousClock.now - start
        print("diff \(shape.rawValue) \(lines) lines\(reference ? " (reference n×m table)" : ""): \(summary), \(elapsed.formatted(.units(allowed: [.milliseconds])))")
    }
}
