import DocWatchStore
import Synchronization

/// Document states read for many URLs at once before polling them (`docwatch fetch`), so a thousand page
/// polls cost one read instead of a thousand. Each URL's state is handed out once: a second poll of the
/// same URL in the same run reads the store, which by then holds what the first poll wrote.
public final class KnownDocumentStates: Sendable {
    /// URL → its state, nil when nothing is stored under it; a URL not read (or already taken) is absent.
    private let states: Mutex<[String: DocumentState?]>

    /// Reads the states of `urls` (canonical) from `database`.
    public init(reading urls: [String], from database: any DocumentStore) throws(StoreError) {
        let stored = try database.documentStates(urls: urls)
        var states: [String: DocumentState?] = [:]
        for url in urls { states[url] = .some(stored[url]) }
        self.states = Mutex(states)
    }

    /// The state read for `url` (itself nil when nothing was stored), or nil when `url` was not read or
    /// has been taken already.
    func take(_ url: String) -> DocumentState?? {
        states.withLock { $0.removeValue(forKey: url) }
    }
}
