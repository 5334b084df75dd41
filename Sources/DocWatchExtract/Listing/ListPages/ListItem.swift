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

    /// The first date in `item`'s text outside its links (a title may name a date of its own).
    static func date(of item: HTMLNode) -> PageDate? {
        guard let text = textOutsideLinks(item) else { return nil }
        return DateScanner.first(in: text)
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
