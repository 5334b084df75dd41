/// The item of a list an article link sits in (its `li`, table row or entry block) and the date
/// the item prints beside the link.
enum ListItem {
    /// Item elements, nearest first.
    static let itemNames: Set<String> = ["li", "tr", "dd", "dt"]
    /// How far above a link its item may be (`li > div > h3 > a`).
    static let maxDepth = 4
    /// An item with more text than this beside its links is a block of text, not a list item.
    static let maxDateText = 120

    /// The item around `anchor`: the nearest `li`/`tr`/`dd`/`dt` a few levels up, else its parent.
    static func of(_ anchor: HTMLNode) -> HTMLNode? {
        var current = anchor.parent
        var depth = 0
        while let node = current, depth < maxDepth, node.name != "body" {
            if itemNames.contains(node.name) { return node }
            current = node.parent
            depth += 1
        }
        return anchor.parent
    }

    /// What `item` prints beside its links (a title may name a date of its own, so link text is
    /// left out): a full date, or only a month and day (`[07-30]`, `07/30`), which still marks the
    /// item as dated but gives no date.
    static func date(of item: HTMLNode) -> (date: PageDate?, dated: Bool) {
        guard let text = textOutsideLinks(item) else { return (nil, false) }
        if let date = DateScanner.first(in: text) { return (date, true) }
        return (nil, hasMonthDay(Array(text.unicodeScalars)))
    }

    /// Whether `s` holds `MM-DD` (or `/`, `.`) as a number pair of its own: a month 1–12, a day 1–31.
    static func hasMonthDay(_ s: [Unicode.Scalar]) -> Bool {
        func digit(_ index: Int) -> Int? {
            guard s.indices.contains(index), ("0"..."9").contains(s[index]) else { return nil }
            return Int(s[index].value) - 48
        }
        var index = 0
        while index + 4 < s.count {
            defer { index += 1 }
            guard digit(index - 1) == nil, digit(index + 5) == nil, "-/.".unicodeScalars.contains(s[index + 2]),
                  let m1 = digit(index), let m2 = digit(index + 1), let d1 = digit(index + 3), let d2 = digit(index + 4)
            else { continue }
            let month = m1 * 10 + m2, day = d1 * 10 + d2
            if (1...12).contains(month) && (1...31).contains(day) { return true }
        }
        return false
    }

    /// The text of `item` outside `a` elements, or nil once it grows past `maxDateText` characters.
    private static func textOutsideLinks(_ item: HTMLNode) -> String? {
        var text = ""
        var count = 0
        var stack = [item]
        while let node = stack.popLast() {
            if node.kind == .text {
                count += node.text.unicodeScalars.count
                if count > maxDateText { return nil }
                text += node.text + " "
            } else if node.name != "a" {
                stack.append(contentsOf: node.children.reversed())
            }
        }
        return text
    }
}
