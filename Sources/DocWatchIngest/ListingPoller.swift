import DocWatchCore
import DocWatchExtract
import DocWatchFetch
import DocWatchStore
import Foundation

/// Polls a list page, feed or sitemap for article links and polls each new (or moved) one as a page.
///
/// A link already stored is not fetched again unless the feed's `updated` / sitemap's `lastmod`
/// moved, or the source's `recheck` interval has passed since it was last fetched. `max_new` caps
/// the new articles taken per poll; the rest are still new at the next poll.
///
/// A store operation that fails anywhere in the listing poll makes the listing's report an error that
/// names it (page 2 or a child sitemap included); the article polls are reported under it as usual.
struct ListingPoller: Sendable {
    let fetch: ConditionalFetch
    let database: any DocumentStore
    let clock: any WallClock
    let recording: PollRecording
    /// The zone list dates without one are read in (the extractor's).
    let timeZone: TimeZone
    /// Polls one listed article as a page (the pipeline's page poll), with the listing's `updated`/`lastmod`.
    let pollArticle: @Sendable (_ source: Source, _ url: String, _ hint: String?) async -> PollReport
    /// Child sitemaps of a sitemap index fetched per poll, at most.
    static let maxChildSitemaps = 50

    func poll(_ source: Source) async -> PollReport {
        var report = PollReport(source: source.id, url: CanonicalURL.canonicalize(source.url) ?? source.url, outcome: .listed)
        var links: [DiscoveredLink] = []
        var pageURL: String? = source.url
        var pagesLeft = source.kind == .list ? source.pages : 1
        var childSitemaps: [String] = []
        var listingURLs: [String] = []
        while let url = pageURL, pagesLeft > 0 {
            pagesLeft -= 1
            pageURL = nil
            let fetched = await fetchListing(url, source: source)
            if url == source.url {
                report.outcome = fetched.report.outcome
                report.status = fetched.report.status
                report.error = fetched.report.error
                report.retryAfter = fetched.report.retryAfter
                report.storeFailed = fetched.report.storeFailed
            } else if fetched.report.storeFailed {
                report = report.failedByStore(fetched.report.error)
            }
            guard let parsed = fetched.parsed else { continue }
            listingURLs.append(CanonicalURL.canonicalize(url) ?? url)
            links += parsed.links
            pageURL = parsed.nextPage
            childSitemaps += parsed.childSitemaps
        }
        for child in childSitemaps.prefix(Self.maxChildSitemaps) {
            let fetched = await fetchListing(child, source: source)
            if fetched.report.storeFailed { report = report.failedByStore(fetched.report.error) }
            links += fetched.parsed?.links ?? []
        }
        let due: [DiscoveredLink]
        let waiting: Bool
        do {
            (due, waiting) = try selectDue(links, source: source)
        } catch {
            // Which links are new is the store's to say: without it none are polled.
            return recording.failed(report, by: error)
        }
        if waiting {
            // New links left for the next poll: that poll must parse the listing even if it is unchanged.
            for url in listingURLs {
                do {
                    try database.forgetListingHash(url: url)
                } catch {
                    report = recording.failed(report, by: error)
                }
            }
        }
        report.articles = await withTaskGroup(of: (Int, PollReport).self) { group in
            for (index, link) in due.enumerated() {
                group.addTask { (index, await pollArticle(source, link.url, link.updated)) }
            }
            var results: [(Int, PollReport)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
        return report
    }

    /// The links to fetch now: new ones (up to `max_new`), moved ones, and known ones whose recheck is
    /// due; and whether `max_new` left new links waiting.
    private func selectDue(_ links: [DiscoveredLink], source: Source) throws(StoreError) -> (due: [DiscoveredLink], waiting: Bool) {
        var seen = Set<String>()
        // ListingReader's links are canonical already; several pages of a list may repeat one.
        let unique = links.filter { seen.insert($0.url).inserted }
        let known = try database.knownDocuments(unique.map(\.url))
        var fresh = unique.filter { known[$0.url] == nil }
        var waiting = false
        if let maxNew = source.maxNew, fresh.count > maxNew {
            fresh = Array(fresh.prefix(maxNew))
            waiting = true
        }
        let moved = unique.filter { link in
            guard let hint = known[link.url], let updated = link.updated else { return false }
            return hint != updated
        }
        var due = fresh + moved
        if let recheck = source.recheck {
            let taken = Set(due.map(\.url))
            let now = clock.now()
            let stale = try database.documentsToRecheck(
                source: source.id, lastSeenBefore: now.addingTimeInterval(-recheck),
                firstSeenAfter: source.recheckWithin.map { now.addingTimeInterval(-$0) }, limit: source.recheckMax)
            due += stale.filter { !taken.contains($0) }.map { DiscoveredLink(url: $0) }
        }
        return (due, waiting)
    }

    private struct Parsed {
        var links: [DiscoveredLink] = []
        var nextPage: String?
        var childSitemaps: [String] = []
    }

    private struct Fetched {
        /// The listing fetch's own outcome (`listed` when it gave links).
        var report: PollReport
        var parsed: Parsed?
    }

    /// Fetches one listing URL conditionally and parses it by the source's kind.
    private func fetchListing(_ url: String, source: Source) async -> Fetched {
        let canonical = CanonicalURL.canonicalize(url) ?? url
        let state: ListingState?
        do {
            state = try database.listingState(url: canonical)
        } catch {
            return Fetched(report: recording.failed(PollReport(source: source.id, url: canonical, outcome: .error), by: error))
        }
        let expected = source.kind == .feed ? "a feed" : source.kind == .sitemap ? "a sitemap" : "a list page"
        // The same bytes give the same links, all known already: no parse.
        let subject = FetchSubject(
            source: source, url: url, canonical: canonical, stored: .listing, etag: state?.etag,
            lastModified: state?.lastModified, unchangedHash: state?.rawHash, expected: expected,
            allowing: source.kind == .sitemap ? [.gzip] : [])
        let exchange: FetchExchange
        let rawHash: String
        switch await fetch.run(subject) {
        case .notModified(let report), .failed(let report), .unchanged(let report): return Fetched(report: report)
        case .body(let fetched, let hash): (exchange, rawHash) = (fetched, hash)
        }
        let parsed: Parsed
        do {
            parsed = try parse(exchange.response, source: source)
        } catch {
            let report = recording.write(exchange.report(.error, error: error.description)) { () throws(StoreError) in
                try database.recordPoll(exchange.logEntry(.error, error: error.description))
            }
            return Fetched(report: report)
        }
        let newState = ListingState(etag: exchange.response.etag, lastModified: exchange.response.lastModified, rawHash: rawHash)
        let report = recording.write(exchange.report(.listed)) { () throws(StoreError) in
            try database.recordListing(exchange.logEntry(.listed), state: newState, links: parsed.links.count)
        }
        // Links whose listing could not be recorded are left for the next poll, as after any failed poll.
        return Fetched(report: report, parsed: report.storeFailed ? nil : parsed)
    }

    private func parse(_ response: FetchResponse, source: Source) throws(ListingError) -> Parsed {
        let body = ListingBody(source: source, response: response, timeZone: timeZone)
        let listing = try ListingReader.read(body) { CharsetDecoder.decode($0, contentType: $1, forced: $2).text }
        return Parsed(links: listing.links, nextPage: listing.nextPage, childSitemaps: listing.childSitemaps)
    }
}
