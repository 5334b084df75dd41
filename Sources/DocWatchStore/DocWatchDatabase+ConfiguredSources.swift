import DocWatchCore
import Foundation

extension DocWatchDatabase {
    /// The health of each configured source, in id order, read without writing anything.
    ///
    /// A source's stored poll state is found by its id whatever the stored `removed` mark says (that
    /// mark belongs to the daemon's config, not to the one a reader was given); id, kind, url and name
    /// come from `sources`. A configured source the store has never seen has no poll and no documents.
    public func health(of sources: [Source]) throws(StoreError) -> [SourceHealth] {
        SourceHealth.configured(sources, stored: try sourceHealth(includeRemoved: true))
    }
}

extension SourceHealth {
    /// The health of each of `sources`, in id order, from the `stored` health of every source (removed
    /// ones included): id, kind, url and name from the configuration, a never-seen source with no poll.
    /// Both backends' `health(of:)`.
    package static func configured(_ sources: [Source], stored: [SourceHealth]) -> [SourceHealth] {
        let stored = Dictionary(stored.map { ($0.id, $0) }) { first, _ in first }
        return sources.sorted { $0.id < $1.id }.map { source in
            var health = stored[source.id] ?? SourceHealth(
                id: source.id, kind: source.kind.rawValue, url: source.url, name: source.name, lastPoll: nil, outcome: nil,
                nextDue: nil, failures: 0, lastError: nil, lastSuccess: nil, documents: 0, lastNew: nil, lastNewTitle: nil)
            health.kind = source.kind.rawValue
            health.url = source.url
            health.name = source.name
            return health
        }
    }
}
