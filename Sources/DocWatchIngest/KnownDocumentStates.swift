import DocWatchCore
import DocWatchStore
import Synchronization

/// Document states read for many URLs at once before polling them (`docwatch fetch`), so a thousand page
/// polls cost one read instead of a thousand. Each URL's state is handed out once: a second poll of the
/// same URL in the same run reads the store, which by then holds what the first poll wrote.
///
/// Keyed by the URL as it is polled (a source's `url` as configured), with its canonical form beside it,
/// so a poll does not canonicalize it again.
public final class KnownDocumentStates: Sendable {
    /// One URL's canonical form and the state stored under it (nil when nothing is).
    struct Known: Sendable {
        var canonical: String
        var state: DocumentState?
    }

    /// URL as polled → what was read; a URL not read (or already taken) is absent.
    private let states: Mutex<[String: Known]>

    /// Reads the states of `urls` (as they will be polled) from `database`. Of URLs with one canonical form
    /// only the first is read ahead: the others come after its poll and read what it wrote.
    public init(reading urls: [String], from database: any DocumentStore) throws(StoreError) {
        var canonicalOf: [String: String] = [:]
        var taken: Set<String> = []
        for url in urls where canonicalOf[url] == nil {
            let canonical = CanonicalURL.canonicalize(url) ?? url
            if taken.insert(canonical).inserted { canonicalOf[url] = canonical }
        }
        let stored = try database.documentStates(urls: Array(taken))
        self.states = Mutex(canonicalOf.mapValues { Known(canonical: $0, state: stored[$0]) })
    }

    /// What was read for `url` (as polled), or nil when `url` was not read or has been taken already.
    func take(_ url: String) -> Known? {
        states.withLock { $0.removeValue(forKey: url) }
    }
}
