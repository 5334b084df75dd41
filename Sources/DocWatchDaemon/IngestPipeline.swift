import DocWatchCore
import DocWatchExtract
import DocWatchFetch
import DocWatchStore
import Foundation
import Logging

/// One poll of one URL, left to right: fetch → decode → extract → dedup → store (+ outbox).
///
/// Shared by the daemon and `docwatch fetch`. Every failure becomes a `PollReport` with outcome
/// `.error` and a fetch-log row; nothing already stored is touched by a failed poll.
public struct IngestPipeline: Sendable {
    public let fetcher: any PageFetching
    public let database: DocWatchDatabase
    public let extractor: Extractor
    public let clock: any WallClock
    public let logger: Logger
    /// Large bodies take turns through extraction, so their memory peaks do not add up.
    let largeBodies = LargeBodyGate()

    public init(fetcher: any PageFetching, database: DocWatchDatabase, extractor: Extractor,
                clock: any WallClock = SystemClock(), logger: Logger = Logger(label: "docwatch.ingest")) {
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
            report = await ListingPoller(pipeline: self).poll(source)
        }
        log(report)
        return report
    }

    /// Fetches one document URL and stores what changed.
    public func pollPage(source: Source, url: String, hint: String? = nil) async -> PollReport {
        let canonical = CanonicalURL.canonicalize(url) ?? url
        let started = clock.now()
        let state: DocumentState?
        do {
            state = try database.documentState(url: canonical)
        } catch {
            return PollReport(source: source.id, url: canonical, outcome: .error, error: error.description)
        }
        let response: FetchResponse
        switch await fetch(FetchRequest(url: url, etag: state?.etag, lastModified: state?.lastModified), source: source, canonical: canonical, started: started) {
        case .failed(let report): return report
        case .response(let fetched): response = fetched
        }
        let ms = Int(response.elapsed * 1000)
        let entry = { (outcome: FetchOutcome, error: String?) in
            FetchLogEntry(time: started, source: source.id, url: canonical, status: response.status, outcome: outcome,
                          bytes: response.body.count, ms: ms, error: error)
        }
        if response.status == 304 {
            return record(entry(.notModified, nil), response: response, source: source)
        }
        guard (200..<300).contains(response.status) else {
            return recordHTTPError(entry, response: response, source: source, known: state != nil)
        }
        // A body that is itself a document file (PDF, DOCX …) is read as one; any other non-text body fails.
        let fileType = AttachmentIngest.fileType(of: response)
        if fileType == nil, let unusable = unusableBody(response, expected: "a web page") {
            return recordUnusable(entry(.error, unusable), response: response, source: source)
        }
        let rawHash = ContentHash.raw(response.body)
        let attachments = AttachmentIngest(pipeline: self, source: source)
        let stored = attachments.stored(document: state?.id)
        // A page with attachments is read again even when its bytes are the same: an attachment may have changed.
        if let previous = state?.rawHash, previous == rawHash, hint == nil || hint == state?.hint, stored.isEmpty {
            return record(entry(.unchanged, nil), response: response, source: source)
        }
        let content: AttachmentIngest.PageContent
        switch await attachments.content(of: response, fileType: fileType, html: {
            await largeBodies.run(bytes: response.body.count) { extract(response, source: source) }
        }) {
        case .failure(let failure): return recordUnusable(entry(.error, failure.message), response: response, source: source)
        case .success(let read): content = read
        }
        let (document, charset) = (content.document, content.charset)
        let page = IngestedPage(
            source: source.id, url: canonical, fetchedAt: started, status: response.status, ms: ms, body: response.body,
            rawHash: rawHash, contentType: response.contentType, charset: charset, etag: response.etag,
            lastModified: response.lastModified, hint: hint, document: document,
            attachments: await attachments.fetch(content.links, stored: stored))
        do {
            let stored = try database.store(page)
            return PollReport(source: source.id, url: canonical, outcome: stored.outcome, status: response.status,
                              document: stored.documentID, event: stored.eventSeq)
        } catch {
            return PollReport(source: source.id, url: canonical, outcome: .error, status: response.status, error: error.description)
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

    /// A fetch's result: a response of any status, or the report of a failed transfer (already logged).
    enum FetchAttempt {
        case response(FetchResponse)
        case failed(PollReport)
    }

    /// Fetches, turning a transport failure into a logged error report.
    func fetch(_ request: FetchRequest, source: Source, canonical: String, started: Date) async -> FetchAttempt {
        do {
            return .response(try await fetcher.fetch(request))
        } catch {
            let message = (error as? FetchError)?.description ?? "\(error)"
            let entry = FetchLogEntry(time: started, source: source.id, url: canonical, outcome: .error,
                                      ms: Int(clock.now().timeIntervalSince(started) * 1000), error: message)
            try? database.recordPoll(entry)
            return .failed(PollReport(source: source.id, url: canonical, outcome: .error, error: message))
        }
    }

    func record(_ entry: FetchLogEntry, response: FetchResponse, source: Source) -> PollReport {
        do {
            try database.recordPoll(entry, etag: response.etag, lastModified: response.lastModified)
            return PollReport(source: source.id, url: entry.url, outcome: entry.outcome, status: response.status)
        } catch {
            return PollReport(source: source.id, url: entry.url, outcome: .error, status: response.status, error: error.description)
        }
    }

    private func recordHTTPError(
        _ entry: (FetchOutcome, String?) -> FetchLogEntry, response: FetchResponse, source: Source, known: Bool
    ) -> PollReport {
        let message = "HTTP \(response.status)"
        let row = entry(.error, message)
        do {
            if known && (response.status == 404 || response.status == 410) {
                try database.recordMissing(row)
            } else {
                try database.recordPoll(row)
            }
        } catch {
            logger.error("cannot record a failed poll", metadata: ["url": "\(row.url)", "error": "\(error)"])
        }
        return PollReport(source: source.id, url: row.url, outcome: .error, status: response.status, error: message,
                          retryAfter: retryAfter(response))
    }

    /// Why a 2xx body cannot be stored (empty, an image, a PDF … where `expected` was due), as a
    /// fetch-log message; nil for a text body. `allowing` names formats the caller reads itself.
    func unusableBody(_ response: FetchResponse, expected: String, allowing: Set<BodyFormat> = []) -> String? {
        BodySniffer.unusable(response.body, contentType: response.contentType, allowing: allowing)
            .map { $0.message(status: response.status, expected: expected) }
    }

    /// The wait a 429 or 503 asks for, in seconds; nil for any other status.
    func retryAfter(_ response: FetchResponse) -> Double? {
        guard response.status == 429 || response.status == 503 else { return nil }
        return response.retryAfter(now: clock.now())
    }

    private func log(_ report: PollReport) {
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
