import DocWatchStore
import Synchronization

/// Stores extracted pages through one writer at a time, in order of arrival, several to a transaction.
///
/// Polls extract their pages in parallel (one per core of the cooperative pool) and hand them here. The
/// first poll to arrive while nobody writes becomes the writer: it takes every page queued by then (up to
/// `maxBatch`) and stores them in one transaction, then the pages that arrived meanwhile, until the queue
/// is empty. While storing keeps up, each transaction holds one page, as before; when pages arrive faster
/// than one commit each can keep up with, they share a commit (one WAL sync, one search-index segment).
///
/// Outcomes and events are those of storing the pages one by one in that order: the batch goes through
/// `store(batch:)` (all or none), and when it fails, each of its pages is stored again on its own so one
/// bad page fails alone with its own error. Event seqs follow the order of arrival, which is commit order.
final class PageWriter: Sendable {
    /// Pages stored in one transaction at most.
    static let defaultMaxBatch = 32

    private struct Waiting {
        let page: IngestedPage
        let done: CheckedContinuation<Result<StoreResult, StoreError>, Never>
    }

    private struct State {
        var queue: [Waiting] = []
        var writing = false
    }

    private let state = Mutex(State())
    private let maxBatch: Int

    init(maxBatch: Int = PageWriter.defaultMaxBatch) {
        self.maxBatch = max(1, maxBatch)
    }

    /// Stores `page` in `database`, with the pages that arrive with it; returns once its transaction committed
    /// (or failed).
    func store(_ page: IngestedPage, in database: any DocumentStore) async -> Result<StoreResult, StoreError> {
        await withCheckedContinuation { done in
            let becomesWriter = state.withLock { state in
                state.queue.append(Waiting(page: page, done: done))
                guard !state.writing else { return false }
                state.writing = true
                return true
            }
            if becomesWriter { writeQueued(to: database) }
        }
    }

    /// Writes batches until the queue is empty, then lets the next arrival become the writer.
    private func writeQueued(to database: any DocumentStore) {
        while true {
            let batch: [Waiting] = state.withLock { state in
                guard !state.queue.isEmpty else {
                    state.writing = false
                    return []
                }
                let count = min(maxBatch, state.queue.count)
                let batch = Array(state.queue.prefix(count))
                state.queue.removeFirst(count)
                return batch
            }
            if batch.isEmpty { return }
            let results = Self.store(batch.map(\.page), in: database)
            for (waiting, result) in zip(batch, results) { waiting.done.resume(returning: result) }
        }
    }

    /// Each page's result: one transaction for all of them, or when that fails (or holds one page), one each.
    static func store(_ pages: [IngestedPage], in database: any DocumentStore) -> [Result<StoreResult, StoreError>] {
        if pages.count > 1, let results = try? database.store(batch: pages), results.count == pages.count {
            return results.map { .success($0) }
        }
        return pages.map { page -> Result<StoreResult, StoreError> in
            do throws(StoreError) {
                return .success(try database.store(page))
            } catch {
                return .failure(error)
            }
        }
    }
}
