@testable import DocWatchDaemon
import Logging
import Testing

/// `LineLogHandler.merged`: the event's metadata as it is when the handler has none of its own, else the
/// handler's, the provider's and the event's, each later one winning on a shared key.
@Suite("Log line metadata")
struct LineLogMetadataTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var handler: Logger.Metadata
        var provided: Logger.Metadata?
        var event: Logger.Metadata?
        var expected: Logger.Metadata
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(name: "event only", handler: [:], provided: nil, event: ["url": "u"], expected: ["url": "u"]),
        Case(name: "nothing at all", handler: [:], provided: nil, event: nil, expected: [:]),
        Case(name: "handler and event, the event wins", handler: ["source": "a", "x": "1"], provided: nil,
             event: ["source": "b"], expected: ["source": "b", "x": "1"]),
        Case(name: "provider over handler, event over provider", handler: ["k": "h", "h": "1"], provided: ["k": "p", "p": "2"],
             event: ["k": "e"], expected: ["k": "e", "h": "1", "p": "2"]),
        Case(name: "provider without handler metadata", handler: [:], provided: ["p": "2"], event: nil, expected: ["p": "2"]),
    ])
    func merged(_ sample: Case) {
        var handler = LineLogHandler(label: "docwatch.test", journal: true, output: LineOutput { _ in })
        handler.metadata = sample.handler
        if let provided = sample.provided {
            handler.metadataProvider = Logger.MetadataProvider { provided }
        }
        #expect(handler.merged(sample.event) == sample.expected)
    }
}
