import DocWatchCore
import DocWatchExtract
import DocWatchFetch
import DocWatchStore
import Foundation
import Logging

/// The attachment step of a page poll: what a body is (a web page with attachment links, or itself
/// a document file), and the attachments fetched, read and ready to store with the version.
///
/// Attachments go through the pipeline's fetcher like articles, so the host gate, `max_body` and
/// the request settings apply to them. Each is requested conditionally with the validators stored
/// with it; a 304, or the same bytes again, reuses the stored text without running a converter.
struct AttachmentIngest {
    let pipeline: IngestPipeline
    let source: Source
    var reader = DocumentTextReader()

    /// A page body made ready for the store.
    struct PageContent {
        var document: ExtractedDocument
        var charset: String?
        var links: [AttachmentLink]
    }

    /// The document type of a response body that is itself a document file (a source URL that is
    /// a PDF or DOCX), from its bytes, its `Content-Disposition` name and its `Content-Type`.
    static func fileType(of response: FetchResponse) -> AttachmentType? {
        AttachmentType.detect(response.body, name: fileName(response), contentType: response.contentType)
    }

    /// The name a response gives its file: `Content-Disposition`, else the URL's last path segment.
    static func fileName(_ response: FetchResponse) -> String {
        ContentDisposition.filename(response.headers["content-disposition"]) ?? AttachmentAnchors.fileName(response.url)
    }

    /// The stored attachments of a known document; empty for a new one, or when the store cannot
    /// say (then every attachment is fetched in full).
    func stored(document: Int64?) -> [AttachmentRecord] {
        guard let document else { return [] }
        do {
            return try pipeline.database.currentAttachments(document: document)
        } catch {
            pipeline.logger.error("cannot read stored attachments", metadata: ["source": "\(source.id)", "error": "\(error)"])
            return []
        }
    }

    /// The body as a document: a file's text when `fileType` is set, else `html()`'s extraction.
    /// A file that cannot be read fails with the fetch-log message.
    func content(of response: FetchResponse, fileType: AttachmentType?,
                 html: () async -> PageContent) async -> Result<PageContent, PollFailure> {
        guard let fileType else { return .success(await html()) }
        do {
            let document = try await pipeline.extractor.fileDocument(bytes: response.body, type: fileType,
                                                                     name: Self.fileName(response), reader: reader)
            return .success(PageContent(document: document, charset: nil, links: []))
        } catch {
            return .failure(PollFailure(message: "cannot read the \(fileType.rawValue.uppercased()) body: \(error)"))
        }
    }

    /// Fetches and reads the attachments `links` name, in link order. A link whose response is not
    /// a document is left out; one that fails for another reason than 404/410 keeps its stored copy,
    /// so a passing outage is not a change. Every failure is a fetch-log row (outcome `error`) naming
    /// the attachment's URL and the reason, so `docwatch log` shows it; the article's poll still counts
    /// as what its own page came to.
    func fetch(_ links: [AttachmentLink], stored: [AttachmentRecord]) async -> [AttachmentRecord] {
        var records: [AttachmentRecord] = []
        for link in links {
            let known = stored.first { $0.url == link.url }
            if let record = await fetch(link, known: known) { records.append(record) }
        }
        return records
    }

    private func fetch(_ link: AttachmentLink, known: AttachmentRecord?) async -> AttachmentRecord? {
        let started = pipeline.clock.now()
        let response: FetchResponse
        do {
            var request = FetchRequest(url: link.url, etag: known?.etag, lastModified: known?.lastModified)
            request.options = source.requestOptions  // the article's source: its headers, proxy and cookie jar
            response = try await pipeline.fetcher.fetch(request)
        } catch {
            let message = (error as? FetchError)?.description ?? "\(error)"
            record(link, started: started, failure: "attachment fetch failed: \(message)")
            return known
        }
        if response.status == 304, var known {
            known.name = link.name
            return known
        }
        guard (200..<300).contains(response.status) else {
            record(link, started: started, response: response, failure: "attachment fetch failed: HTTP \(response.status)")
            return response.status == 404 || response.status == 410 ? nil : known
        }
        guard let type = Self.fileType(of: response) else {
            // A download endpoint that answered a page (a login form, an error page) is no attachment.
            if case .named = link.candidate {
                record(link, started: started, response: response,
                       failure: "attachment is not a document: \(response.contentType ?? "no Content-Type")")
            }
            return nil
        }
        let sha256 = ContentHash.raw(response.body)
        if var known, known.sha256 == sha256, known.type == type {
            known.name = link.name
            known.etag = response.etag
            known.lastModified = response.lastModified
            return known
        }
        do {
            let text = try await reader.text(of: response.body, type: type)
            let content = pipeline.extractor.attachmentContent(text: text)
            return AttachmentRecord(url: link.url, name: link.name, type: type, sha256: sha256, text: content.text,
                                    textSimplified: content.textSimplified, facts: content.facts, etag: response.etag,
                                    lastModified: response.lastModified)
        } catch {
            record(link, started: started, response: response,
                   failure: "cannot read the \(type.rawValue.uppercased()) attachment: \(error.description)")
            return known
        }
    }

    /// Logs a failed attachment and writes its fetch-log row: the attachment's URL, the status and
    /// bytes of its answer when there was one, and `failure` as the error.
    private func record(_ link: AttachmentLink, started: Date, response: FetchResponse? = nil, failure: String) {
        pipeline.logger.warning("attachment failed", metadata: ["source": "\(source.id)", "url": "\(link.url)", "error": "\(failure)"])
        let ms = response.map { Int($0.elapsed * 1000) } ?? Int(pipeline.clock.now().timeIntervalSince(started) * 1000)
        let entry = FetchLogEntry(time: started, source: source.id, url: link.url, status: response?.status, outcome: .error,
                                  bytes: response?.body.count ?? 0, ms: ms, error: failure)
        do {
            try pipeline.database.recordPoll(entry)
        } catch {
            pipeline.logger.error("cannot record a failed attachment", metadata: [
                "source": "\(source.id)", "url": "\(link.url)", "error": "\(error.description)",
            ])
        }
    }
}

/// Why a 2xx body was not stored, as the fetch-log message.
struct PollFailure: Error {
    let message: String
}
