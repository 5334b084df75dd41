/// Lets one large body at a time into extraction.
///
/// Extracting a page peaks at about 16 × its body (tag-dense markup: libxml2's tree while it is copied,
/// then ours, about 200 bytes a node). With `concurrency` large pages at once those peaks would add up,
/// so bodies of `threshold` bytes or more take turns here; smaller ones never wait. The daemon's peak is
/// then about one large page's, however many arrive together.
actor LargeBodyGate {
    /// Bodies this large (2 MiB; real articles are far smaller) wait for their turn.
    static let threshold = 2 << 20

    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Runs `body` alone among large bodies when `bytes` reaches the threshold, else at once.
    nonisolated func run<T: Sendable>(bytes: Int, _ body: @Sendable () -> T) async -> T {
        guard bytes >= Self.threshold else { return body() }
        await acquire()
        let result = body()
        await release()
        return result
    }

    private func acquire() async {
        guard busy else {
            busy = true
            return
        }
        // Not cancellable: the turn ahead is a bounded, CPU-bound extraction.
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
