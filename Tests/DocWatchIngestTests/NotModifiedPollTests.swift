import DocWatchCore
@testable import DocWatchIngest
import DocWatchStore
import DocWatchTestSupport
import Foundation
import GRDB
import Testing

/// What a 304 costs a page poll: its fetch-log row and nothing else read or parsed.
@Suite("Ingest: a 304 page poll", .serialized)
struct NotModifiedPollTests {
    @Test("a 304 does not read the document's stored attachments; a new body does")
    func noAttachmentReadOnNotModified() async throws {
        let bench = try await IngestBench()
        defer { Task { await bench.close() } }
        let source = Source(id: "s", url: bench.server.url("/doc.html"))
        bench.server.page(path: "/doc.html", body: IngestBench.article("工信动态"), etag: "\"v1\"")
        #expect(await bench.pipeline.pollPage(source: source, url: source.url).outcome == .new)
        // From now on any read of stored attachments fails, and says so in the log.
        let queue = try DatabaseQueue(path: bench.directory.appendingPathComponent("docwatch.sqlite").path)
        try await queue.write { db in try db.execute(sql: "ALTER TABLE attachment RENAME TO attachment_gone") }
        let readFailure = "cannot read stored attachments"

        #expect(await bench.pipeline.pollPage(source: source, url: source.url).outcome == .notModified)
        #expect(!bench.logs.at(.error).contains { $0.contains(readFailure) })

        bench.server.page(path: "/doc.html", body: IngestBench.article("工信动态更新"), etag: "\"v2\"")
        _ = await bench.pipeline.pollPage(source: source, url: source.url)
        #expect(bench.logs.at(.error).contains { $0.contains(readFailure) })
    }
}
