import Foundation
import Testing
@testable import DocWatchExtract

@Suite("Malformed XML")
struct DiscoveryXMLErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let xml: String
        let line: Int
        let message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        .init(name: "mismatched tag", xml: "<rss>\n<channel>\n<title>x</titel>\n</channel></rss>", line: 3, message: "mismatch"),
        .init(name: "undeclared entity", xml: "<rss>\n<channel><title>a&bogus;b</title></channel></rss>", line: 2, message: "bogus"),
        .init(name: "HTML entity beside a real error", xml: "<rss>\n<channel><title>a&nbsp;b</title>\n</chanel></rss>", line: 2,
              message: "nbsp"),
        .init(name: "bare ampersand", xml: "<rss><channel>\n\n\n<link>http://a.cn/?a=1&b=2</link></channel></rss>", line: 4,
              message: "EntityRef"),
        .init(name: "truncated", xml: "<rss><channel><item><title>x</title>", line: 1, message: "Premature end"),
        .init(name: "empty body", xml: "", line: 1, message: "empty"),
    ]

    @Test("bad XML is an error naming the line and what is wrong", arguments: cases)
    func malformed(_ example: Case) {
        #expect {
            _ = try FeedParser.parse(Array(example.xml.utf8))
        } throws: { error in
            guard let error = error as? ListingError, case .malformedXML(let line, _, let message) = error else { return false }
            return line == example.line && message.localizedCaseInsensitiveContains(example.message)
                && error.description.hasPrefix("malformed XML at line \(example.line), column ")
        }
    }

    @Test("HTML entities a feed does not declare are read as their characters")
    func htmlEntities() throws {
        let xml = "<rss><channel><title>工信&nbsp;动态&mdash;新闻&amp;&#20844;告&hellip;</title></channel></rss>"
        #expect(try FeedParser.parse(Array(xml.utf8)).title == "工信\u{A0}动态—新闻&公告…".replacingOccurrences(of: "\u{A0}", with: " "))
    }

    @Test("bytes that are not the declared encoding are an error, not garbage")
    func badUTF8() {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss><channel><title>".utf8) + [0xB9, 0xA4, 0xFF]
            + Array("</title></channel></rss>".utf8)
        #expect(throws: ListingError.self) { _ = try FeedParser.parse(bytes) }
    }
}
