import Foundation
import Synchronization

/// Poll recordings (a fetch-log row, and for a document its new validators and last-seen time) waiting
/// to be written with the next transaction, so a thousand 304s cost one commit instead of a thousand.
///
/// Shared by every copy of a `DocWatchDatabase`. Every write transaction of the database writes the
/// queue first, inside itself, so a queued row never lands after a later write about the same URL;
/// `flushPolls()` writes it on its own. A transaction that fails puts its rows back.
package final class QueuedPolls: Sendable {
    /// One queued recording, as `recordPoll` takes it.
    package struct Poll: Sendable {
        package var entry: FetchLogEntry
        package var etag: String?
        package var lastModified: String?

        package init(entry: FetchLogEntry, etag: String?, lastModified: String?) {
            self.entry = entry
            self.etag = etag
            self.lastModified = lastModified
        }
    }

    private struct State {
        var polls: [Poll] = []
        /// The URLs of queued recordings, so a read of their document state can write them first.
        var urls: Set<String> = []
    }

    private let state = Mutex(State())

    package init() {}

    /// Adds one recording; returns how many are queued now.
    package func append(_ poll: Poll) -> Int {
        state.withLock { state in
            state.polls.append(poll)
            state.urls.insert(poll.entry.url)
            return state.polls.count
        }
    }

    /// Takes every queued recording, leaving the queue empty.
    package func take() -> [Poll] {
        state.withLock { state in
            guard !state.polls.isEmpty else { return [] }
            state.urls.removeAll(keepingCapacity: true)
            return state.polls.take()
        }
    }

    /// Puts back recordings whose transaction failed, ahead of any queued since.
    package func restore(_ polls: [Poll]) {
        guard !polls.isEmpty else { return }
        state.withLock { state in
            state.polls.insert(contentsOf: polls, at: 0)
            state.urls.formUnion(polls.map(\.entry.url))
        }
    }

    /// Whether a recording about `url` is waiting.
    package func contains(url: String) -> Bool {
        state.withLock { $0.urls.contains(url) }
    }

    package var count: Int { state.withLock { $0.polls.count } }
}

extension Array {
    /// The elements, leaving the array empty.
    fileprivate mutating func take() -> [Element] {
        var taken: [Element] = []
        swap(&taken, &self)
        return taken
    }
}
