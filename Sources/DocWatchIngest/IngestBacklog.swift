import Foundation
import Synchronization

/// Bounds the fetched pages waiting to be extracted and stored, so a fetch that brings many new pages at
/// once does not hold all their bodies in memory.
///
/// A page poll waits for room before it fetches, then holds a place from the moment its new body arrives
/// until the page is stored. Extraction runs in parallel on the cooperative pool's threads (one per core)
/// and the `PageWriter` stores; when they fall behind the fetcher, further fetches wait here. Polls that
/// bring no new body (304s, unchanged bodies, failures) never hold a place and, with no backlog, never
/// wait. At most `limit` plus the fetches already in flight (bounded by `[http]`'s limits) bodies are held.
final class IngestBacklog: Sendable {
    /// Pages held at most before new fetches wait: sixteen per core, so the cores keep extracting while the
    /// writer's batch commits and new fetches are on their way (fewer left cores idle); a few megabytes.
    static var defaultLimit: Int { max(2, ProcessInfo.processInfo.activeProcessorCount) * 16 }

    private struct State {
        var held = 0
        var peak = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    let limit: Int
    private let state = Mutex(State())

    init(limit: Int = IngestBacklog.defaultLimit) {
        self.limit = max(1, limit)
    }

    /// Returns once fewer than `limit` pages are held (at once when none wait).
    func waitForRoom() async {
        // Not cancellable: the places ahead are released by bounded extractions and stores.
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let roomNow = state.withLock { state in
                guard state.held >= limit else { return true }
                state.waiting.append(continuation)
                return false
            }
            if roomNow { continuation.resume() }
        }
    }

    /// A fetched body arrived: it holds a place until `leave()`.
    func enter() {
        state.withLock { state in
            state.held += 1
            state.peak = max(state.peak, state.held)
        }
    }

    /// The page is stored (or dropped): its place is free, and the polls waiting for room go on while there is.
    func leave() {
        let resumed = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.held -= 1
            let room = max(0, limit - state.held)
            let count = min(room, state.waiting.count)
            let resumed = Array(state.waiting.prefix(count))
            state.waiting.removeFirst(count)
            return resumed
        }
        resumed.forEach { $0.resume() }
    }

    /// The most pages held at once so far (for tests).
    var peak: Int { state.withLock { $0.peak } }
}
