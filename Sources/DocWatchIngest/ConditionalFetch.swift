import DocWatchCore
import DocWatchFetch
import DocWatchStore
import Foundation

/// What one conditional fetch is for: the URL, the validators of its last fetch, and what its body must be.
struct FetchSubject: Sendable {
    /// Where the validators live, and so what a 304, an unchanged body or a 404 updates.
    enum Stored: Sendable {
        /// A document: a 304 or an unchanged body refreshes its validators and last-seen time, and a 404/410
        /// counts toward `document.gone`.
        case document
        /// A list page, feed or sitemap: those outcomes are fetch-log rows only.
        case listing
    }

    var source: Source
    /// As configured or listed; fetched as it stands.
    var url: String
    /// The key of the fetch-log row and of the stored state.
    var canonical: String
    var stored: Stored
    var etag: String?
    var lastModified: String?
    /// The raw hash that makes the same bytes `unchanged`; nil to take whatever comes as a new body.
    var unchangedHash: String?
    /// Asked only when a body has `unchangedHash`: whether the same bytes make the poll `unchanged`.
    /// A page with stored attachments is parsed again, and the store is read for them only then, not
    /// on every 304.
    var sameBytesSuffice: @Sendable () -> Bool = { true }
    /// What a 2xx body must be, for the fetch-log message ("a web page", "a feed" …).
    var expected: String
    /// Non-text formats the caller reads itself (a gzipped sitemap).
    var allowing: Set<BodyFormat> = []
    /// A document poll: a body that is a document file (PDF, DOCX, WPS …) is read as one, not refused.
    var readsDocumentFiles = false
}

/// One answered fetch: the subject, the response of any status, and when the fetch started.
struct FetchExchange: Sendable {
    let subject: FetchSubject
    let response: FetchResponse
    let started: Date

    var ms: Int { Int(response.elapsed * 1000) }

    /// This fetch's fetch-log row, with `outcome`.
    func logEntry(_ outcome: FetchOutcome, error: String? = nil) -> FetchLogEntry {
        FetchLogEntry(time: started, source: subject.source.id, url: subject.canonical, status: response.status,
                      outcome: outcome, bytes: response.body.count, ms: ms, error: error)
    }

    /// A report of this fetch with `outcome`.
    func report(_ outcome: FetchOutcome, error: String? = nil) -> PollReport {
        PollReport(source: subject.source.id, url: subject.canonical, outcome: outcome, status: response.status, error: error)
    }
}

/// What a conditional fetch came to. Every case but `body` is already in the fetch log.
enum ConditionalFetchResult: Sendable {
    /// A 304: nothing was hashed or parsed.
    case notModified(PollReport)
    /// A failed transfer, a non-2xx status, a body that is not what was expected, or a store write that failed.
    case failed(PollReport)
    /// The same bytes as last time: nothing to parse.
    case unchanged(PollReport)
    /// A 2xx body with new bytes and its SHA-256: the caller parses and stores it and records its outcome.
    case body(FetchExchange, rawHash: String)
}

/// The first step of every poll, page or listing: a GET with the last validators, and the triage of its
/// answer (304 / failure / same raw hash / new body), written once for both.
struct ConditionalFetch: Sendable {
    let fetcher: any PageFetching
    let database: any DocumentStore
    let clock: any WallClock
    let recording: PollRecording
    /// Whether a 304 or an unchanged body is queued for the store's next transaction (`queuePoll`)
    /// instead of committed on its own; the owner of the pipeline flushes the queue.
    var queuesUnchanged = false

    func run(_ subject: FetchSubject) async -> ConditionalFetchResult {
        let started = clock.now()
        let response: FetchResponse
        do {
            var request = FetchRequest(url: subject.url, etag: subject.etag, lastModified: subject.lastModified)
            request.options = subject.source.requestOptions  // the source's headers, proxy and cookie jar
            response = try await fetcher.fetch(request)
        } catch {
            let message = (error as? FetchError)?.description ?? "\(error)"
            let entry = FetchLogEntry(time: started, source: subject.source.id, url: subject.canonical, outcome: .error,
                                      ms: Int(clock.now().timeIntervalSince(started) * 1000), error: message)
            let report = PollReport(source: subject.source.id, url: subject.canonical, outcome: .error, error: message)
            return .failed(recording.write(report) { () throws(StoreError) in try database.recordPoll(entry) })
        }
        // Hashed only past the 304 and status checks: a 304 costs nothing but its fetch-log row.
        let exchange = FetchExchange(subject: subject, response: response, started: started)
        if response.status == 304 {
            return .notModified(recordUnchanged(exchange, .notModified))
        }
        guard (200..<300).contains(response.status) else {
            return .failed(recordHTTPError(exchange))
        }
        let isDocumentFile = subject.readsDocumentFiles && AttachmentIngest.fileType(of: response) != nil
        if !isDocumentFile,
           let unusable = BodySniffer.unusable(response.body, contentType: response.contentType, allowing: subject.allowing) {
            return .failed(recordFailure(exchange, message: unusable.message(status: response.status, expected: subject.expected)))
        }
        let rawHash = ContentHash.raw(response.body)
        if rawHash == subject.unchangedHash && subject.sameBytesSuffice() {
            return .unchanged(recordUnchanged(exchange, .unchanged))
        }
        return .body(exchange, rawHash: rawHash)
    }

    /// Records a 2xx answer that cannot be stored (a body of the wrong type, a file that cannot be read) as a
    /// failed poll without validators: the stored version, etag and raw hash stay.
    func recordFailure(_ exchange: FetchExchange, message: String) -> PollReport {
        recording.write(exchange.report(.error, error: message)) { () throws(StoreError) in
            try database.recordPoll(exchange.logEntry(.error, error: message))
        }
    }

    /// Records a 304 or an unchanged body (or queues it, see `queuesUnchanged`); a document keeps the
    /// validators the server sent.
    private func recordUnchanged(_ exchange: FetchExchange, _ outcome: FetchOutcome) -> PollReport {
        let entry = exchange.logEntry(outcome)
        let document = exchange.subject.stored == .document
        let etag = document ? exchange.response.etag : nil
        let lastModified = document ? exchange.response.lastModified : nil
        return recording.write(exchange.report(outcome)) { () throws(StoreError) in
            if queuesUnchanged {
                try database.queuePoll(entry, etag: etag, lastModified: lastModified)
            } else {
                try database.recordPoll(entry, etag: etag, lastModified: lastModified)
            }
        }
    }

    /// Records a non-2xx answer; the third 404/410 in a row for a stored document writes `document.gone`.
    private func recordHTTPError(_ exchange: FetchExchange) -> PollReport {
        let status = exchange.response.status
        let message = "HTTP \(status)"
        let entry = exchange.logEntry(.error, error: message)
        var report = exchange.report(.error, error: message)
        report.retryAfter = retryAfter(exchange.response)
        return recording.write(report) { () throws(StoreError) in
            if exchange.subject.stored == .document && (status == 404 || status == 410) {
                _ = try database.recordMissing(entry)
            } else {
                try database.recordPoll(entry)
            }
        }
    }

    /// The wait a 429 or 503 asks for, in seconds; nil for any other status.
    private func retryAfter(_ response: FetchResponse) -> Double? {
        guard response.status == 429 || response.status == 503 else { return nil }
        return response.retryAfter(now: clock.now())
    }
}
