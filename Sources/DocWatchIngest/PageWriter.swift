import DocWatchStore
import Synchronization

/// Stores extracted pages through one writer at a time, in order of arrival, several to a transaction.
///
/// Polls extract their pages in parallel (one per core of the cooperative pool) and hand them here. A page
/// arriving while other pages are still being extracted waits for them (up to half the backlog), so pages
/// that come in a stream share a commit (one WAL sync, one search-index segment) instead of each committing
/// alone; the poll whose arrival (or whose extraction ending) leaves no extraction under way becomes the
/// writer: it takes every page queued by then (up to `maxBatch`) and stores them in one transaction, then
/// the pages that arrived meanwhile, until the queue is empty or waits for extractions again. A page that
/// arrives while nothing else is extracted is stored at once, as before. Extraction is bounded CPU work, so
/// the wait is too: attachment downloads and document files are not counted (see `IngestPipeline.pollPage`).
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
        /// Pages whose extraction is under way: each will arrive (or give up) soon.
        var extracting = 0
        /// Pages handed over, transactions written and the most pages one held, so far (for tests).
        var arrived = 0
        var transactions = 0
        var largestBatch = 0

        /// Queued pages that no longer wait for extractions.
        let enough: Int

        /// Takes the writer's role when nobody writes and the queued pages are due: no extraction under way
        /// that they could wait for, or `enough` of them.
        mutating func becomeWriterIfDue() -> Bool {
            guard !writing, !queue.isEmpty, extracting == 0 || queue.count >= enough else { return false }
            writing = true
            return true
        }
    }

    private let state: Mutex<State>
    private let maxBatch: Int

    /// `backlogLimit`: the pipeline's `IngestBacklog` limit. Queued pages hold places there, so they stop waiting
    /// for extractions once half of it is queued: the other half keeps the cores extracting during the commit
    /// instead of every place waiting in the batch while fetches stall.
    init(maxBatch: Int = PageWriter.defaultMaxBatch, backlogLimit: Int = IngestBacklog.defaultLimit) {
        self.maxBatch = max(1, maxBatch)
        self.state = Mutex(State(enough: max(1, min(maxBatch, backlogLimit / 2))))
    }

    /// A page's extraction begins: pages arriving until it ends (`store(_:in:extracted: true)` or
    /// `extractionEnded(in:)`) wait for it to share their transaction.
    func extractionBegins() {
        state.withLock { $0.extracting += 1 }
    }

    /// A page's extraction ended without its page arriving now (it failed, or fetches attachments first):
    /// the pages waiting for it are written if no other extraction is under way.
    func extractionEnded(in database: any DocumentStore) {
        let becomesWriter = state.withLock { state in
            state.extracting -= 1
            return state.becomeWriterIfDue()
        }
        if becomesWriter { writeQueued(to: database) }
    }

    /// Stores `page` in `database`, with the pages that arrive with it; returns once its transaction committed
    /// (or failed). `extracted`: the page's extraction was announced by `extractionBegins()` and ends here.
    func store(_ page: IngestedPage, in database: any DocumentStore, extracted: Bool = false) async -> Result<StoreResult, StoreError> {
        await withCheckedContinuation { done in
            let becomesWriter = state.withLock { state in
                if extracted { state.extracting -= 1 }
                state.arrived += 1
                state.queue.append(Waiting(page: page, done: done))
                return state.becomeWriterIfDue()
            }
            if becomesWriter { writeQueued(to: database) }
        }
    }

    /// Transactions written so far and the most pages one held (for tests).
    var written: (transactions: Int, largestBatch: Int) { state.withLock { ($0.transactions, $0.largestBatch) } }

    /// Pages handed over so far (for tests).
    var arrived: Int { state.withLock { $0.arrived } }

    /// Whether a writer is storing pages now (for tests).
    var isWriting: Bool { state.withLock { $0.writing } }

    /// Writes batches while pages are due, then lets a later arrival (or extraction end) become the writer.
    private func writeQueued(to database: any DocumentStore) {
        while true {
            let batch: [Waiting] = state.withLock { state in
                let count = min(maxBatch, state.queue.count)
                let batch = Array(state.queue.prefix(count))
                state.queue.removeFirst(count)
                state.transactions += 1
                state.largestBatch = max(state.largestBatch, count)
                return batch
            }
            let results = Self.store(batch.map(\.page), in: database)
            for (waiting, result) in zip(batch, results) { waiting.done.resume(returning: result) }
            let more = state.withLock { state in
                state.writing = false
                return state.becomeWriterIfDue()
            }
            if !more { return }
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
