import DocWatchCore
import DocWatchExtract
import DocWatchFetch
import DocWatchStore
import Foundation
import Logging

/// One poll of one URL, left to right: fetch → decode → extract → dedup → store (+ outbox).
///
/// Many polls at once extract their pages in parallel (one per core) while one `PageWriter` stores them in
/// order of arrival; `IngestBacklog` bounds the fetched pages not yet stored.
///
/// Shared by the daemon and `docwatch fetch`. Every failure becomes a `PollReport` with outcome
/// `.error` and a fetch-log row (or, when the store itself fails, a logged line and a report that says
/// so); nothing already stored is touched by a failed poll.
public struct IngestPipeline: Sendable {
    public let fetcher: any PageFetching
    public let database: any DocumentStore
    public let extractor: Extractor
    public let clock: any WallClock
    public let logger: Logger
    /// Whether 304s and unchanged bodies are queued for the store's next transaction instead of each
    /// committing its own; whoever sets it calls `database.flushPolls()` when polling ends (see `queuePoll`).
    public var queuesUnchangedPolls = false
    /// States read before polling, taken before asking the store (see `KnownDocumentStates`).
    public var knownStates: KnownDocumentStates?
    /// Large bodies take turns through extraction, so their memory peaks do not add up.
    let largeBodies = LargeBodyGate()
    /// New pages fetched and not yet stored, bounded: further fetches wait while it is full.
    let backlog: IngestBacklog
    /// Stores extracted pages in order of arrival, those arriving together in one transaction.
    let writer: PageWriter

    /// `backlogLimit` bounds the new pages fetched and not yet stored (default sixteen per core), `maxBatch`
    /// the pages one transaction stores (default 32).
    public init(fetcher: any PageFetching, database: any DocumentStore, extractor: Extractor,
                clock: any WallClock = SystemClock(), logger: Logger = Logger(label: "docwatch.ingest"),
                backlogLimit: Int? = nil, maxBatch: Int? = nil) {
        self.backlog = IngestBacklog(limit: backlogLimit ?? IngestBacklog.defaultLimit)
        self.writer = PageWriter(maxBatch: maxBatch ?? PageWriter.defaultMaxBatch, backlogLimit: backlog.limit)
        self.fetcher = fetcher
        self.database = database
        self.extractor = extractor
        self.clock = clock
        self.logger = logger
    }

    /// Polls a source: the page itself, or (list, feed, sitemap) the listing and its new articles.
    public func poll(_ source: Source) async -> PollReport {
        let report: PollReport
        switch source.kind {
        case .page:
            report = await pollPage(source: source, url: source.url)
        case .list, .feed, .sitemap, .json:
            report = await listingPoller.poll(source)
        }
        log(report)
        return report
    }

    /// Fetches one document URL and stores what changed.
    public func pollPage(source: Source, url: String, hint: String? = nil) async -> PollReport {
        let known = knownStates?.take(url)
        let canonical = known?.canonical ?? CanonicalURL.canonicalize(url) ?? url
        let state: DocumentState?
        do {
            if let known {
                state = known.state
            } else {
                state = try database.documentState(url: canonical)
            }
        } catch {
            return recording.failed(PollReport(source: source.id, url: canonical, outcome: .error), by: error)
        }
        let attachments = AttachmentIngest(pipeline: self, source: source)
        // A link listed under a new feed `updated` / sitemap `lastmod` is parsed again even if its bytes are not
        // new, and so is a page with attachments: one of them may have changed. The attachments are read
        // once a body has come, so a 304 costs no read.
        let sameHint = hint == nil || hint == state?.hint
        var subject = FetchSubject(
            source: source, url: url, canonical: canonical, stored: .document, etag: state?.etag,
            lastModified: state?.lastModified, unchangedHash: sameHint ? state?.rawHash : nil,
            expected: "a web page", readsDocumentFiles: true)
        subject.sameBytesSuffice = { attachments.stored(document: state?.id).isEmpty }
        let exchange: FetchExchange
        let rawHash: String
        // While extraction and storing are behind the fetches, this fetch waits (bounded memory).
        await backlog.waitForRoom()
        switch await conditionalFetch.run(subject) {
        case .notModified(let report), .failed(let report), .unchanged(let report): return report
        case .body(let fetched, let hash): (exchange, rawHash) = (fetched, hash)
        }
        backlog.enter()
        defer { backlog.leave() }
        let response = exchange.response
        let stored = attachments.stored(document: state?.id)
        // A body that is itself a document file (PDF, DOCX …) is read as one. An HTML page's extraction is
        // announced to the writer, so pages arriving meanwhile wait to share its transaction; it ends when
        // the page is handed over, or before the wait for its attachments' downloads (not bounded CPU).
        let fileType = AttachmentIngest.fileType(of: response)
        var extracting = fileType == nil
        if extracting { writer.extractionBegins() }
        let content: AttachmentIngest.PageContent
        switch await attachments.content(of: response, fileType: fileType, html: {
            await largeBodies.run(bytes: response.body.count) { extract(response, source: source) }
        }) {
        case .failure(let failure):
            if extracting { writer.extractionEnded(in: database) }
            return conditionalFetch.recordFailure(exchange, message: failure.message)
        case .success(let read): content = read
        }
        if extracting, !content.links.isEmpty {
            writer.extractionEnded(in: database)
            extracting = false
        }
        let page = IngestedPage(
            source: source.id, url: canonical, fetchedAt: exchange.started, status: response.status, ms: exchange.ms,
            body: response.body, rawHash: rawHash, contentType: response.contentType, charset: content.charset,
            etag: response.etag, lastModified: response.lastModified, hint: hint, document: content.document,
            attachments: await attachments.fetch(content.links, stored: stored))
        switch await writer.store(page, in: database, extracted: extracting) {
        case .success(let stored):
            return PollReport(source: source.id, url: canonical, outcome: stored.outcome, status: response.status,
                              document: stored.documentID, event: stored.eventSeq)
        case .failure(let error):
            return recording.failed(exchange.report(.error), by: error)
        }
    }

    /// Decodes and extracts a body, and the charset it was decoded with. The decoded text lives only
    /// as long as the extraction: storing the version does not hold it beside the body.
    private func extract(_ response: FetchResponse, source: Source) -> AttachmentIngest.PageContent {
        let decoded = CharsetDecoder.decode(response.body, contentType: response.contentType, forced: source.charset)
        let document = extractor.extract(html: decoded.text, url: response.url)
        return AttachmentIngest.PageContent(document: document, charset: decoded.charset,
                                            links: AttachmentAnchors.find(html: decoded.text, url: response.url, bodyLinks: document.links))
    }

    /// The fetch step page and listing polls share.
    var conditionalFetch: ConditionalFetch {
        ConditionalFetch(fetcher: fetcher, database: database, clock: clock, recording: recording,
                         queuesUnchanged: queuesUnchangedPolls)
    }

    var recording: PollRecording { PollRecording(logger: logger) }

    /// The listing poller, given the fetch step, the store, the clock and this pipeline's page poll.
    var listingPoller: ListingPoller {
        ListingPoller(fetch: conditionalFetch, database: database, clock: clock, recording: recording,
                      timeZone: extractor.options.timeZone,
                      pollArticle: { source, url, hint in await pollPage(source: source, url: url, hint: hint) })
    }

    private func log(_ report: PollReport) {
        // The metadata is built only for a line that is written (`fetch` logs no `polled` lines).
        guard logger.logLevel <= (report.error == nil ? .info : .warning) else { return }
        var metadata: Logger.Metadata = ["source": "\(report.source)", "url": "\(report.url)", "outcome": "\(report.outcome.rawValue)"]
        if let status = report.status { metadata["status"] = "\(status)" }
        if let error = report.error {
            metadata["error"] = "\(error)"
            logger.warning("poll failed", metadata: metadata)
        } else {
            logger.info("polled", metadata: metadata)
        }
    }
}
