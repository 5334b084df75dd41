@testable import DocWatchDaemon
import Foundation
import Logging
import Testing

@Suite("Log lines")
struct LineLogHandlerTests {
    @Test("under journald: a <N> priority, no timestamp, source and url first")
    func journalLine() {
        let handler = LineLogHandler(label: "docwatch.ingest", journal: true)
        let line = handler.format(level: .warning, message: "poll failed",
                                  metadata: ["url": "http://a.example/x", "status": "503", "source": "miit", "error": "HTTP 503"])
        #expect(line == "<4>warning docwatch.ingest: poll failed source=miit url=http://a.example/x error=\"HTTP 503\" status=503")
    }

    @Test("on a terminal: a UTC timestamp first")
    func terminalLine() {
        let handler = LineLogHandler(label: "docwatch", journal: false)
        let line = handler.format(level: .info, message: "ready", metadata: [:], now: Date(timeIntervalSince1970: 0))
        #expect(line == "1970-01-01T00:00:00Z info docwatch: ready")
    }

    @Test("a message or value with newlines and quotes stays one line")
    func oneLine() {
        let handler = LineLogHandler(label: "docwatch", journal: true)
        let line = handler.format(level: .error, message: "reload failed:\nline two", metadata: ["error": "a \"b\"\nc"])
        #expect(!line.contains("\n"))
        #expect(line == "<3>error docwatch: reload failed: line two error=\"a \\\"b\\\" c\"")
    }

    @Test("events reach the output through a Logger, with the logger's metadata")
    func throughLogger() {
        let lines = Lines()
        var logger = Logger(label: "docwatch.test") { label in
            LineLogHandler(label: label, journal: true, output: LineOutput { lines.append($0) })
        }
        logger[metadataKey: "source"] = "gov"
        logger.info("polled", metadata: ["url": "http://gov.example/"])
        logger.debug("not shown")
        #expect(lines.all == ["<6>info docwatch.test: polled source=gov url=http://gov.example/"])
    }
}

final class Lines: @unchecked Sendable {
    private var lines: [String] = []
    private let lock = NSLock()

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
