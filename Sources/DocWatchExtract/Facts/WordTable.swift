import DocWatchCore
/// A list of words (as folded scalar values) matched longest-first at a position; a match gives
/// the word's index in the list it was built from.
///
/// Words are bucketed by their first scalar (for matches starting at a position) or by their last
/// scalar (for matches ending at one); a bitmap of those scalars turns most misses away before any
/// hashing.
struct WordTable: Sendable {
    private struct Word: Sendable {
        var scalars: [UInt32]
        var id: Int
    }

    let words: [String]
    private var byFirst: [UInt32: [Word]] = [:]
    private var byLast: [UInt32: [Word]] = [:]
    private let firsts: ScalarSet
    private let lasts: ScalarSet
    /// For tables scanned at every position: the bucket of each ideograph of the basic block, by
    /// array index instead of hashing (1-based; 0 is no bucket).
    private var ideographBuckets: [UInt16] = []
    private var buckets: [[Word]] = []

    /// `indexed` trades 42 KB for lookups without hashing; for tables matched at every position.
    init(_ words: [String], indexed: Bool = false) {
        self.words = words
        firsts = ScalarSet(words.compactMap { $0.unicodeScalars.first?.value })
        lasts = ScalarSet(words.compactMap { $0.unicodeScalars.last?.value })
        for (id, text) in words.enumerated() {
            let word = Word(scalars: text.unicodeScalars.map(\.value), id: id)
            guard let head = word.scalars.first, let tail = word.scalars.last else { continue }
            byFirst[head, default: []].append(word)
            byLast[tail, default: []].append(word)
        }
        for key in byFirst.keys { byFirst[key]?.sort { $0.scalars.count > $1.scalars.count } }
        for key in byLast.keys { byLast[key]?.sort { $0.scalars.count > $1.scalars.count } }
        guard indexed else { return }
        ideographBuckets = [UInt16](repeating: 0, count: Int(Self.lastIdeograph - Self.firstIdeograph) + 1)
        for (head, bucket) in byFirst where (Self.firstIdeograph...Self.lastIdeograph).contains(head) {
            buckets.append(bucket)
            ideographBuckets[Int(head - Self.firstIdeograph)] = UInt16(buckets.count)
        }
    }

    private static let firstIdeograph = Han.unifiedBlock.lowerBound
    private static let lastIdeograph = Han.unifiedBlock.upperBound

    /// The longest word starting at `index`: its length and its index in `words`.
    @inline(__always)
    func match(in text: ScalarText, at index: Int) -> (length: Int, id: Int)? {
        let head = text[index]
        guard firsts.contains(head) || head >= 0x10000 else { return nil }
        if !ideographBuckets.isEmpty && head >= Self.firstIdeograph && head <= Self.lastIdeograph {
            let bucket = Int(ideographBuckets[Int(head - Self.firstIdeograph)])
            return bucket == 0 ? nil : longest(buckets[bucket - 1], in: text) { _ in index }
        }
        return longest(byFirst[head], in: text) { _ in index }
    }

    /// The longest word ending just before `end` and starting at or after `floor`.
    func match(in text: ScalarText, endingAt end: Int, floor: Int = 0) -> (length: Int, id: Int)? {
        let tail = text[end - 1]
        guard lasts.contains(tail) || tail >= 0x10000 else { return nil }
        return longest(byLast[tail], in: text) { end - $0 >= floor ? end - $0 : -1 }
    }

    private func longest(_ candidates: [Word]?, in text: ScalarText, start: (Int) -> Int) -> (length: Int, id: Int)? {
        guard let candidates else { return nil }
        for candidate in candidates {
            let length = candidate.scalars.count
            let at = start(length)
            if at >= 0 && text.has(candidate.scalars, at: at) { return (length, candidate.id) }
        }
        return nil
    }
}
