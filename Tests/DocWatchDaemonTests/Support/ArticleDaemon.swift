import DocWatchTestSupport
import Foundation
import Testing

/// `docwatch run` polling one loopback article (`/a.html`, «工信动态») every `interval`, returned once
/// the article's `document.new` is written (a test issue is recorded if it never is).
struct ArticleDaemon {
    let server: TestHTTPServer
    let workspace: DaemonWorkspace
    let daemon: DaemonProcess

    static func start(interval: String) async throws -> ArticleDaemon {
        let server = try await TestHTTPServer.start()
        let workspace = try DaemonWorkspace()
        server.page(path: "/a.html", body: DaemonWorkspace.article("工信动态", ["第一季度工业增加值增长6.1%。"]), etag: "\"a1\"")
        try workspace.write(ServiceConfig.text(workspace, sources: [("a", server.url("/a.html"))], interval: interval))
        let daemon = try DaemonProcess(config: workspace.configPath, environment: [:], scratch: workspace.directory)
        #expect(await eventually { workspace.hasEvent(.documentNew, urlSuffix: "/a.html") }, "stderr: \(daemon.stderr)")
        return ArticleDaemon(server: server, workspace: workspace, daemon: daemon)
    }
}
