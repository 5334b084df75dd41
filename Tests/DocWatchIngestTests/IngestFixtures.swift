import DocWatchCore
import DocWatchExtract
import DocWatchFetch
@testable import DocWatchIngest
import DocWatchStore
import DocWatchTestSupport
import Foundation
import GRDB
import Logging
import Synchronization

/// A loopback server, a real libcurl fetcher and a database file in a temporary directory, with the
/// pipeline's log lines collected.
final class IngestBench: Sendable {
    let server: TestHTTPServer
    let fetcher: CurlFetcher
    let directory: URL
    let database: DocWatchDatabase
    let logs = LogLines()

    init() async throws {
        server = try await TestHTTPServer.start()
        fetcher = CurlFetcher(settings: HTTPSettings(), userAgent: "test")
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("docwatch-ingest-\(UUID().uuidString)")
        database = try DocWatchDatabase.open(path: directory.appendingPathComponent("docwatch.sqlite").path)
    }

    var pipeline: IngestPipeline {
        IngestPipeline(fetcher: fetcher, database: database, extractor: Extractor(),
                       logger: Logger(label: "test.ingest") { _ in CollectingLogHandler(lines: self.logs) })
    }

    func close() async {
        fetcher.shutdown()
        await server.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Makes every `operation` (INSERT or UPDATE) on `table` fail from now on, as a broken disk would:
    /// a trigger that raises, written through a second connection.
    func breakStore(_ operation: String = "INSERT", on table: String) throws {
        let queue = try DatabaseQueue(path: directory.appendingPathComponent("docwatch.sqlite").path)
        try queue.write { db in
            try db.execute(sql: """
                CREATE TRIGGER broken_\(operation.lowercased())_\(table) BEFORE \(operation) ON \(table)
                BEGIN SELECT RAISE(ABORT, 'injected store failure'); END
                """)
        }
    }

    /// The newest fetch-log row.
    func lastLogged() throws -> FetchLogEntry? {
        try database.fetchLog(FetchLogFilter(limit: 1)).first?.entry
    }

    static func article(_ title: String) -> String {
        """
        <html><head><meta charset="utf-8"><title>\(title)</title></head><body><h1>\(title)</h1>
        <div class="content"><p>\(title)的正文，推动制造业复工复产，事关经济平稳运行、社会稳定发展。</p>
        <p>第二段内容，关于产业链供应链稳定安全，省级层面排出了龙头骨干企业清单。</p></div></body></html>
        """
    }

    static func listPage(_ count: Int) -> String {
        let items = (1...count).map { "<li><a href=\"/art_\($0).html\">工信动态第\($0)条</a><span>2020-04-1\($0 % 10)</span></li>" }
        return "<html><head><meta charset=\"utf-8\"><title>工信动态</title></head><body><ul class=\"list\">"
            + items.joined(separator: "\n") + "</ul></body></html>"
    }
}

/// Log lines kept for a test to read.
final class LogLines: Sendable {
    private let lines = Mutex<[(Logger.Level, String)]>([])

    func append(_ level: Logger.Level, _ line: String) { lines.withLock { $0.append((level, line)) } }

    /// The lines at `level` or above.
    func at(_ level: Logger.Level) -> [String] { lines.withLock { $0.filter { $0.0 >= level }.map(\.1) } }
}

/// A log handler that appends each message, with its metadata, to `lines`.
struct CollectingLogHandler: LogHandler {
    let lines: LogLines
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let fields = (event.metadata ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        lines.append(event.level, ([event.message.description] + fields).joined(separator: " "))
    }
}
