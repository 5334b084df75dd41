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
struct ListingPoller: Sendable {
    let pipeline: IngestPipeline
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
                report.outcome = fetched.outcome
                report.status = fetched.status
                report.error = fetched.error
                report.retryAfter = fetched.retryAfter
            }
            guard let parsed = fetched.parsed else { continue }
            listingURLs.append(CanonicalURL.canonicalize(url) ?? url)
            links += parsed.links
            pageURL = parsed.nextPage
            childSitemaps += parsed.childSitemaps
        }
        for child in childSitemaps.prefix(Self.maxChildSitemaps) {
            links += await fetchListing(child, source: source).parsed?.links ?? []
        }
        let (due, waiting) = selectDue(links, source: source)
        if waiting {
            // New links left for the next poll: that poll must parse the listing even if it is unchanged.
            for url in listingURLs { try? pipeline.database.forgetListingHash(url: url) }
        }
        report.articles = await withTaskGroup(of: (Int, PollReport).self) { group in
            for (index, link) in due.enumerated() {
                group.addTask { (index, await pipeline.pollPage(source: source, url: link.url, hint: link.updated)) }
            }
            var results: [(Int, PollReport)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
        return report
    }

    /// The links to fetch now: new ones (up to `max_new`), moved ones, and known ones whose recheck is
    /// due; and whether `max_new` left new links waiting.
    private func selectDue(_ links: [DiscoveredLink], source: Source) -> (due: [DiscoveredLink], waiting: Bool) {
        var seen = Set<String>()
        // ListingReader's links are canonical already; several pages of a list may repeat one.
        let unique = links.filter { seen.insert($0.url).inserted }
        let known = (try? pipeline.database.knownDocuments(unique.map(\.url))) ?? [:]
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
            let stale = (try? pipeline.database.documentsToRecheck(
                source: source.id, lastSeenBefore: pipeline.clock.now().addingTimeInterval(-recheck), limit: 1000)) ?? []
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
        var outcome: FetchOutcome
        var status: Int?
        var error: String?
        var retryAfter: Double?
        var parsed: Parsed?
    }

    /// Fetches one listing URL conditionally and parses it by the source's kind.
    private func fetchListing(_ url: String, source: Source) async -> Fetched {
        let started = pipeline.clock.now()
        let canonical = CanonicalURL.canonicalize(url) ?? url
        let state = (try? pipeline.database.listingState(url: canonical)) ?? nil
        let response: FetchResponse
        switch await pipeline.fetch(FetchRequest(url: url, etag: state?.etag, lastModified: state?.lastModified),
                                    source: source, canonical: canonical, started: started) {
        case .failed(let report): return Fetched(outcome: .error, error: report.error)
        case .response(let fetched): response = fetched
        }
        let entry = { (outcome: FetchOutcome, error: String?) in
            FetchLogEntry(time: started, source: source.id, url: canonical, status: response.status, outcome: outcome,
                          bytes: response.body.count, ms: Int(response.elapsed * 1000), error: error)
        }
        if response.status == 304 {
            try? pipeline.database.recordPoll(entry(.notModified, nil))
            return Fetched(outcome: .notModified, status: 304)
        }
        guard (200..<300).contains(response.status) else {
            let message = "HTTP \(response.status)"
            try? pipeline.database.recordPoll(entry(.error, message))
            return Fetched(outcome: .error, status: response.status, error: message, retryAfter: pipeline.retryAfter(response))
        }
        let expected = source.kind == .feed ? "a feed" : source.kind == .sitemap ? "a sitemap" : "a list page"
        if let unusable = pipeline.unusableBody(response, expected: expected, allowing: source.kind == .sitemap ? [.gzip] : []) {
            try? pipeline.database.recordPoll(entry(.error, unusable))
            return Fetched(outcome: .error, status: response.status, error: unusable)
        }
        let rawHash = ContentHash.raw(response.body)
        if rawHash == state?.rawHash {
            // The same bytes give the same links, all known already: no parse.
            try? pipeline.database.recordPoll(entry(.unchanged, nil))
            return Fetched(outcome: .unchanged, status: response.status)
        }
        let parsed: Parsed
        do {
            parsed = try parse(response, source: source)
        } catch {
            try? pipeline.database.recordPoll(entry(.error, error.description))
            return Fetched(outcome: .error, status: response.status, error: error.description)
        }
        let newState = ListingState(etag: response.etag, lastModified: response.lastModified, rawHash: rawHash)
        try? pipeline.database.recordListing(entry(.listed, nil), state: newState, links: parsed.links.count)
        return Fetched(outcome: .listed, status: response.status, parsed: parsed)
    }

    private func parse(_ response: FetchResponse, source: Source) throws(ListingError) -> Parsed {
        let body = ListingBody(source: source, response: response, timeZone: pipeline.extractor.options.timeZone)
        let listing = try ListingReader.read(body) { CharsetDecoder.decode($0, contentType: $1, forced: $2).text }
        return Parsed(links: listing.links, nextPage: listing.nextPage, childSitemaps: listing.childSitemaps)
    }
}
