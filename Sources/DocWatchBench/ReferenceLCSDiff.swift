/// The line diff docwatch used before issue 12 (an LCS table of (n+1)·(m+1) integers, head and tail
/// trimmed), kept only so `docwatch-bench diff --reference` measures the old cost beside the new one.
struct ReferenceLCSDiff {
    var added = 0
    var removed = 0

    init(old: String, new: String) {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        let midA = Array(a[head..<(a.count - tail)]), midB = Array(b[head..<(b.count - tail)])
        let columns = midB.count + 1
        var lengths = [Int](repeating: 0, count: (midA.count + 1) * columns)
        for i in stride(from: midA.count - 1, through: 0, by: -1) {
            for j in stride(from: midB.count - 1, through: 0, by: -1) {
                lengths[i * columns + j] = midA[i] == midB[j]
                    ? lengths[(i + 1) * columns + j + 1] + 1
                    : max(lengths[(i + 1) * columns + j], lengths[i * columns + j + 1])
            }
        }
        let common = lengths.first ?? 0
        removed = midA.count - common
        added = midB.count - common
    }
}
