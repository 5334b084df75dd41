import Foundation
import Testing

@testable import DocWatchCore

/// `CanonicalURL.trimmed` skips `trimmingCharacters` for text without white space at either end; it must
/// give what `trimmingCharacters(in: .whitespacesAndNewlines)` gives for every text.
@Suite("Canonical URL trimming")
struct CanonicalURLTrimmingTests {
    @Test(arguments: [
        ("none", "https://example.cn/a.html"),
        ("leading space", "  https://example.cn/a.html"),
        ("trailing newline", "https://example.cn/a.html\n"),
        ("tab and carriage return", "\thttps://example.cn/a.html\r\n"),
        ("ideographic space", "\u{3000}https://example.cn/a.html\u{3000}"),
        ("no-break space", "https://example.cn/a.html\u{00A0}"),
        ("next line", "\u{0085}https://example.cn/a.html"),
        ("line separator", "https://example.cn/a.html\u{2028}"),
        ("inner space only", "https://example.cn/a b.html"),
        ("only white space", " \n "),
        ("empty", ""),
    ])
    func trimmedMatchesFoundation(name: String, text: String) {
        #expect(CanonicalURL.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(name)")
    }

    @Test("a URL with white space around it has the canonical form of the URL without")
    func whiteSpaceAroundIsDropped() {
        #expect(CanonicalURL.canonicalize(" \u{3000}HTTP://Example.CN/a.html\n") == "http://example.cn/a.html")
    }
}
