import DocWatchCore

/// Polls a list page, feed or sitemap for article links and polls each new one as a page.
struct ListingPoller: Sendable {
    let pipeline: IngestPipeline

    func poll(_ source: Source) async -> PollReport {
        PollReport(source: source.id, url: source.url, outcome: .error,
                   error: "source kind '\(source.kind.rawValue)' is not supported yet")
    }
}
