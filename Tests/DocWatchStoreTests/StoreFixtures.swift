import DocWatchCore
import DocWatchStore
import Foundation

/// A database file in a fresh temporary directory, removed with the value.
final class TemporaryDatabase {
    let directory: URL
    let database: DocWatchDatabase
    /// The database file.
    var path: String { directory.appendingPathComponent("state/docwatch.sqlite").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("docwatch-store-\(UUID().uuidString)")
        database = try DocWatchDatabase.open(path: directory.appendingPathComponent("state/docwatch.sqlite").path)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }
}

enum Pages {
    static let start = Date(timeIntervalSince1970: 1_786_000_000)

    static func page(
        _ url: String = "https://gov.example/a.html", title: String = "江苏推进复工复产", text: String, body: String? = nil,
        at offset: TimeInterval = 0, source: String = "s", facts: [Fact] = []
    ) -> IngestedPage {
        IngestedPage(
            source: source, url: url, fetchedAt: start.addingTimeInterval(offset),
            body: Array((body ?? "<html><h1>\(title)</h1><p>\(text)</p></html>").utf8), etag: "\"v1\"",
            document: ExtractedDocument(title: title, published: "2020-04-15T18:06:00+08:00", authors: ["杨艺"], script: "zh-Hans",
                                        text: text, facts: facts))
    }
}
