import DocWatchCore

/// Finds cited titles: the text inside 《》, nested marks (〈〉, <>, inner 《》) kept as written.
enum CitationScanner {
    private static let open: UInt32 = 0x300A  // 《
    private static let close: UInt32 = 0x300B  // 》
    private static let maxLength = 200

    static func facts(in text: ScalarText) -> [Fact] {
        var facts: [Fact] = []
        var index = 0
        while index < text.count {
            guard text[index] == open else {
                index += 1
                continue
            }
            guard let end = closing(after: index, in: text) else {
                index += 1
                continue
            }
            if let title = trimmed(index + 1..<end, in: text) {
                let name = text.original(title)
                facts.append(Fact(kind: .citation, text: name, offset: title.lowerBound, name: name))
            }
            index = end + 1
        }
        return facts
    }

    /// The 》 that closes the 《 at `start`, counting nested pairs; nil past a line end or `maxLength`.
    private static func closing(after start: Int, in text: ScalarText) -> Int? {
        var depth = 0
        var index = start + 1
        while index < text.count && index - start <= maxLength {
            switch text[index] {
            case open: depth += 1
            case close:
                if depth == 0 { return index }
                depth -= 1
            case 0x0A, 0x0D: return nil
            default: break
            }
            index += 1
        }
        return nil
    }

    private static func trimmed(_ range: Range<Int>, in text: ScalarText) -> Range<Int>? {
        var (start, end) = (range.lowerBound, range.upperBound)
        while start < end && ScalarClass.isSpace(text[start]) { start += 1 }
        while end > start && ScalarClass.isSpace(text[end - 1]) { end -= 1 }
        return start < end ? start..<end : nil
    }
}
