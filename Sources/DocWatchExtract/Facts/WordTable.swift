/// Words (as folded scalar values) with a value each, matched longest-first at a position.
///
/// Words are bucketed by their first scalar (for matches starting at a position) or by their last
/// scalar (for matches ending at one), so a miss costs one dictionary lookup.
struct WordTable<Value: Sendable>: Sendable {
    private var byFirst: [UInt32: [(word: [UInt32], value: Value)]] = [:]
    private var byLast: [UInt32: [(word: [UInt32], value: Value)]] = [:]

    init(_ entries: [(String, Value)]) {
        for (text, value) in entries {
            let word = text.unicodeScalars.map(\.value)
            guard let head = word.first, let tail = word.last else { continue }
            byFirst[head, default: []].append((word, value))
            byLast[tail, default: []].append((word, value))
        }
        for key in byFirst.keys { byFirst[key]?.sort { $0.word.count > $1.word.count } }
        for key in byLast.keys { byLast[key]?.sort { $0.word.count > $1.word.count } }
    }

    /// The longest word starting at `index`.
    func match(in text: ScalarText, at index: Int) -> (length: Int, value: Value)? {
        guard let candidates = byFirst[text[index]] else { return nil }
        for candidate in candidates where text.has(candidate.word, at: index) {
            return (candidate.word.count, candidate.value)
        }
        return nil
    }

    /// The longest word ending just before `end` and starting at or after `floor`.
    func match(in text: ScalarText, endingAt end: Int, floor: Int = 0) -> (length: Int, value: Value)? {
        guard let candidates = byLast[text[end - 1]] else { return nil }
        for candidate in candidates where end - candidate.word.count >= floor
            && text.has(candidate.word, at: end - candidate.word.count) {
            return (candidate.word.count, candidate.value)
        }
        return nil
    }
}

extension WordTable where Value == Bool {
    /// A plain word list.
    init(words: [String]) {
        self.init(words.map { ($0, true) })
    }
}
