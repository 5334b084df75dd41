import DocWatchCore
import Testing

@Suite("Content hash")
struct ContentHashTests {
    @Test("whitespace runs and full-width forms do not change the hash")
    func canonicalFormFoldsWhitespaceAndNFKC() {
        let a = ContentHash.of(title: "复工复产", text: "第一段。\n\n第二段　ＡＢＣ")
        let b = ContentHash.of(title: " 复工复产 ", text: "第一段。 第二段 ABC")
        #expect(a == b)
    }

    @Test("a changed sentence changes the hash")
    func changedTextChangesHash() {
        #expect(ContentHash.of(title: "t", text: "一。") != ContentHash.of(title: "t", text: "一。二。"))
    }

    @Test("hashes are tagged sha256 with 64 hex digits")
    func hashFormat() {
        let hash = ContentHash.raw(Array("abc".utf8))
        #expect(hash == "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}

@Suite("Canonical URL")
struct CanonicalURLTests {
    @Test(arguments: [
        ("HTTP://WWW.Example.GOV.cn:80/a/b.html#top", "http://www.example.gov.cn/a/b.html"),
        ("https://example.cn:443", "https://example.cn/"),
        ("https://example.cn/x?utm_source=wx&id=3&spm=a.b", "https://example.cn/x?id=3"),
        ("https://example.cn:8443/x", "https://example.cn:8443/x"),
    ])
    func canonicalize(input: String, expected: String) {
        #expect(CanonicalURL.canonicalize(input) == expected)
    }

    @Test("relative or hostless URLs have no canonical form")
    func rejectsRelative() {
        #expect(CanonicalURL.canonicalize("/a/b.html") == nil)
    }
}

@Suite("Durations and sizes")
struct UnitsTests {
    @Test(arguments: [("90s", 90.0), ("15m", 900.0), ("6h", 21_600.0), ("7d", 604_800.0), ("500ms", 0.5)])
    func durations(text: String, seconds: Double) {
        #expect(DurationText.parse(text) == seconds)
    }

    @Test(arguments: ["", "15", "m", "-5s", "1w"])
    func badDurations(text: String) {
        #expect(DurationText.parse(text) == nil)
    }

    @Test(arguments: [("512KiB", 524_288), ("20MiB", 20_971_520), ("1000B", 1000), ("2KB", 2000)])
    func sizes(text: String, bytes: Int) {
        #expect(ByteSize.parse(text) == bytes)
    }
}

@Suite("Fetch error lines")
struct FetchErrorDescriptionTests {
    @Test(arguments: [
        (FetchError.couldNotResolve("Could not resolve host: www.miit.gov.cn"), "could not resolve host: www.miit.gov.cn"),
        (FetchError.bodyTooLarge(limit: 65536), "body larger than max_body (64KiB)"),
        (FetchError.timedOut(seconds: 30), "timed out after 30s"),
    ])
    func oneReadableLine(error: FetchError, line: String) {
        #expect(error.description == line)
    }
}
