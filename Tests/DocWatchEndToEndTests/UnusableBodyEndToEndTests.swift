import DocWatchCore
import DocWatchTestSupport
import Foundation
import Testing

/// A 2xx body that is neither text nor a document file (empty, a zip archive, an image) is a failed poll naming the content type:
/// it never replaces the stored version and raises no event.
@Suite("End to end: unusable bodies", .serialized)
struct UnusableBodyEndToEndTests {
    /// A zip archive whose first entry is a plain file: no document format.
    static let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0]
        + Array("a.txt".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]

    @Test("a page served as 0 bytes, then a zip archive and a PNG as text/html, keeps its stored version; text again is unchanged")
    func unusableBodiesKeepTheStoredVersion() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let space = try Workspace()
        let html = Fixtures.article(title: "坏响应不覆盖原文", site: "某网", paragraphs: ["原来的正文第一段，必须保留。"], charset: "utf-8")
        let asHTML = ["Content-Type": "text/html; charset=utf-8"]
        server.set(path: "/a.html", headers: asHTML, body: html)
        try space.writeConfig(sources: pageSource("a", server.url("/a.html")))
        #expect(try await space.run(["fetch"]).status == 0)

        let bad: [(body: [UInt8], contentType: String, names: String)] = [
            ([], "text/html; charset=utf-8", "empty body (HTTP 200)"),
            (Self.zip, "text/html; charset=utf-8", "application/zip body (ZIP magic bytes, served as text/html)"),
            (Self.png, "text/html", "image/png body (PNG magic bytes, served as text/html)"),
        ]
        for response in bad {
            server.set(path: "/a.html", headers: ["Content-Type": response.contentType], body: response.body)
            let result = try await space.run(["fetch"])
            #expect(result.status == 1, "\(response.names)")
            #expect(result.stderr.contains("source a: \(response.names)"), "\(result.stderr)")
        }
        server.set(path: "/a.html", headers: asHTML, body: html)
        #expect(try await space.run(["fetch"]).status == 0)

        let events = try space.events()
        // One version; the bad polls count as failures for the source's health (failing, then recovered).
        #expect(events.map(\.type) == [.documentNew, .sourceFailing, .sourceRecovered])
        let show = try await space.run(["show", server.url("/a.html"), "--json"])
        let shown = try Workspace.jsonLines(show.stdout).first
        #expect(shown?["title"] as? String == "坏响应不覆盖原文")
        #expect((shown?["text"] as? String)?.contains("原来的正文第一段，必须保留。") == true)
        #expect((shown?["versions"] as? [Any])?.count == 1)
        let errors = try Workspace.jsonLines(try await space.run(["log", "--outcome", "error", "--json"]).stdout)
            .compactMap { $0["error"] as? String }
        #expect(errors.count == 3)
        for response in bad {
            #expect(errors.contains { $0.hasPrefix(response.names) }, "\(errors)")
        }
        let outcomes = try Workspace.jsonLines(try await space.run(["log", "--json"]).stdout).compactMap { $0["outcome"] as? String }
        #expect(outcomes.filter { $0 == "unchanged" }.count == 1, "the last poll matches the stored raw hash: \(outcomes)")
    }

    @Test("a feed URL that serves a PNG is a failed poll naming the type")
    func feedServedAsImage() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let space = try Workspace()
        server.set(path: "/feed.xml", headers: ["Content-Type": "application/rss+xml"], body: Self.png)
        try space.writeConfig(sources: "[[source]]\nid = \"f\"\nurl = \"\(server.url("/feed.xml"))\"\nkind = \"feed\"\n")
        let result = try await space.run(["fetch"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("source f: image/png body (PNG magic bytes, served as application/rss+xml), not a feed"),
                "\(result.stderr)")
    }
}
