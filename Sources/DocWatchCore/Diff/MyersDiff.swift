/// Myers' O((N+M)·D) shortest edit script with the linear-space refinement (the "middle snake"),
/// over sequences already interned to integers.
///
/// Memory is two vectors of `2·min(D, (N+M)/2) + 3` integers plus one flag per element; time is
/// bounded by `maxEdits`: when the edit distance exceeds it the search stops and returns nil.
public enum MyersDiff {
    /// Which elements of `a` are removed and which of `b` are added in a shortest edit script.
    public struct Marks: Sendable, Equatable {
        public var removed: [Bool]
        public var added: [Bool]

        /// Elements of `a` kept (the length of the longest common subsequence).
        public var keptCount: Int { removed.reduce(0) { $1 ? $0 : $0 + 1 } }
        /// Edit distance (insertions plus deletions).
        public var editCount: Int {
            removed.reduce(0) { $1 ? $0 + 1 : $0 } + added.reduce(0) { $1 ? $0 + 1 : $0 }
        }
    }

    /// The marks of a shortest edit script from `a` to `b`, or nil when it needs more than `maxEdits` edits.
    public static func marks(_ a: [Int32], _ b: [Int32], maxEdits: Int = .max) -> Marks? {
        // Lower bound first: a rewrite is refused in O(N+M) without searching.
        guard a.count + b.count - 2 * commonUpperBound(a, b) <= maxEdits else { return nil }
        var marks = Marks(removed: Array(repeating: false, count: a.count), added: Array(repeating: false, count: b.count))
        let bound = min(maxEdits, a.count + b.count)
        let complete = a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var search = Search(a: a, b: b, capacity: bound / 2 + 2)
                return search.walk(Box(left: 0, top: 0, right: a.count, bottom: b.count), &marks, maxEdits: bound)
            }
        }
        return complete ? marks : nil
    }

    /// Σ min(count in a, count in b) over the symbols: no common subsequence is longer.
    static func commonUpperBound(_ a: [Int32], _ b: [Int32]) -> Int {
        var counts: [Int32: Int] = [:]
        for symbol in a { counts[symbol, default: 0] += 1 }
        var common = 0
        for symbol in b {
            if let left = counts[symbol], left > 0 {
                counts[symbol] = left - 1
                common += 1
            }
        }
        return common
    }

    /// A rectangle of the edit graph: `a[left..<right]` against `b[top..<bottom]`.
    struct Box {
        var left: Int, top: Int, right: Int, bottom: Int
        var width: Int { right - left }
        var height: Int { bottom - top }
    }

    /// The search vectors, allocated once for the outermost box and reused by every smaller one.
    struct Search {
        let a: UnsafeBufferPointer<Int32>
        let b: UnsafeBufferPointer<Int32>
        var forward: [Int]
        var backward: [Int]
        let offset: Int

        init(a: UnsafeBufferPointer<Int32>, b: UnsafeBufferPointer<Int32>, capacity: Int) {
            self.a = a
            self.b = b
            offset = capacity + 1
            forward = Array(repeating: 0, count: 2 * capacity + 3)
            backward = Array(repeating: 0, count: 2 * capacity + 3)
        }

        /// Marks the edits inside `box`; false when the box needs more than `maxEdits` edits.
        mutating func walk(_ outer: Box, _ marks: inout Marks, maxEdits: Int) -> Bool {
            var box = outer
            while box.left < box.right, box.top < box.bottom, a[box.left] == b[box.top] {
                box.left += 1; box.top += 1
            }
            while box.left < box.right, box.top < box.bottom, a[box.right - 1] == b[box.bottom - 1] {
                box.right -= 1; box.bottom -= 1
            }
            if box.width == 0 || box.height == 0 {
                guard box.width + box.height <= maxEdits else { return false }
                for index in box.left..<box.right { marks.removed[index] = true }
                for index in box.top..<box.bottom { marks.added[index] = true }
                return true
            }
            guard let (start, end) = middleSnake(box, maxEdits: maxEdits) else { return false }
            // The sub-boxes need fewer edits than the whole, so the bound no longer trips inside them.
            return walk(Box(left: box.left, top: box.top, right: start.x, bottom: start.y), &marks, maxEdits: .max)
                && walk(Box(left: start.x, top: start.y, right: end.x, bottom: end.y), &marks, maxEdits: .max)
                && walk(Box(left: end.x, top: end.y, right: box.right, bottom: box.bottom), &marks, maxEdits: .max)
        }

        /// The snake (one edit and a diagonal) in the middle of a shortest path through `box`.
        mutating func middleSnake(_ box: Box, maxEdits: Int) -> (start: (x: Int, y: Int), end: (x: Int, y: Int))? {
            let delta = box.width - box.height
            let odd = delta & 1 != 0
            let limit = (box.width + box.height + 1) / 2
            forward[offset + 1] = box.left
            backward[offset + 1] = box.bottom
            for d in 0...limit {
                if 2 * d - 1 > maxEdits || d + 1 >= offset { return nil }
                // Forward paths of d edits, on diagonals k = x - y (relative to the box's corner).
                for k in stride(from: d, through: -d, by: -2) {
                    var x: Int
                    let previousX: Int
                    if k == -d || (k != d && forward[offset + k - 1] < forward[offset + k + 1]) {
                        x = forward[offset + k + 1]; previousX = x
                    } else {
                        previousX = forward[offset + k - 1]; x = previousX + 1
                    }
                    var y = box.top + (x - box.left) - k
                    let previousY = (d == 0 || x != previousX) ? y : y - 1
                    while x < box.right, y < box.bottom, a[x] == b[y] { x += 1; y += 1 }
                    forward[offset + k] = x
                    let c = k - delta
                    if odd, c >= -(d - 1), c <= d - 1, y >= backward[offset + c] {
                        return ((previousX, previousY), (x, y))
                    }
                }
                // Backward paths of d edits, on diagonals c = k - delta, from the far corner.
                for c in stride(from: d, through: -d, by: -2) {
                    var y: Int
                    let previousY: Int
                    if c == -d || (c != d && backward[offset + c - 1] > backward[offset + c + 1]) {
                        y = backward[offset + c + 1]; previousY = y
                    } else {
                        previousY = backward[offset + c - 1]; y = previousY - 1
                    }
                    let k = c + delta
                    var x = box.left + (y - box.top) + k
                    let previousX = (d == 0 || y != previousY) ? x : x + 1
                    while x > box.left, y > box.top, a[x - 1] == b[y - 1] { x -= 1; y -= 1 }
                    backward[offset + c] = y
                    if !odd, k >= -d, k <= d, x <= forward[offset + k] {
                        return ((x, y), (previousX, previousY))
                    }
                }
            }
            return nil
        }
    }
}

/// Numbers each distinct element so the diff compares integers, not strings.
public struct Interner<Element: Hashable> {
    private var codes: [Element: Int32] = [:]

    public init() {}

    public mutating func codes<S: Sequence>(_ elements: S) -> [Int32] where S.Element == Element {
        elements.map { code($0) }
    }

    public mutating func code(_ element: Element) -> Int32 {
        if let code = codes[element] { return code }
        let code = Int32(codes.count)
        codes[element] = code
        return code
    }
}
