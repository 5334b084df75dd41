#if canImport(Glibc)
import Glibc
#endif
import DocWatchCore
import DocWatchStore
import DocWatchTestSupport
import Foundation
import Testing

/// The daemon queues its 304s (`IngestPipeline.queuesUnchangedPolls`); none may be lost when it stops.
@Suite("docwatch run: queued 304s")
struct QueuedPollsDaemonTests {
    @Test("a daemon stopped with SIGTERM has a fetch-log row for every request the server received, its 304s included")
    func noneLostOnSIGTERM() async throws {
        let server = try await TestHTTPServer.start()
        let workspace = try DaemonWorkspace()
        let ids = ["a", "b", "c"]
        for id in ids {
            server.page(path: "/\(id).html", body: DaemonWorkspace.article("通知\(id)", ["正文\(id)。"]), etag: "\"\(id)\"")
        }
        try workspace.writeConfig(sources: ids.map { ($0, server.url("/\($0).html")) })
        let daemon = try DaemonProcess(config: workspace.configPath, environment: [:], scratch: workspace.directory)
        let conditional = { server.requests.filter { $0.headers["if-none-match"] != nil }.count }
        #expect(await eventually(timeout: .seconds(30)) { conditional() >= 2 * ids.count }, "stderr: \(daemon.stderr)")

        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: .seconds(30)) == 0, "stderr: \(daemon.stderr)")
        await server.stop()

        // A poll cut short by the stop is an error row, so rows are counted whatever their outcome.
        let database = try DocWatchDatabase.openReader(path: workspace.databasePath)
        let rows = try database.fetchLog(FetchLogFilter(limit: 10_000))
        #expect(rows.count == server.requests.count, "stderr: \(daemon.stderr)")
        let notModified = rows.filter { $0.entry.outcome == .notModified }.count
        let errors = rows.filter { $0.entry.outcome == .error }.count
        #expect(notModified >= conditional() - errors && notModified >= ids.count)
    }
}
