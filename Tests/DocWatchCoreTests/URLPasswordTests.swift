import DocWatchCore
import Testing

@Suite("Hiding a URL's password")
struct URLPasswordTests {
    @Test("the password between user: and @ is masked; the rest of the URL stays", arguments: [
        ("postgresql://docwatch:s3cret@db:5432/docwatch?sslmode=require", "postgresql://docwatch:***@db:5432/docwatch?sslmode=require"),
        ("http://u:p@proxy.internal:3128", "http://u:***@proxy.internal:3128"),
        ("postgresql://docwatch@db/docwatch", "postgresql://docwatch@db/docwatch"),
        ("http://proxy:3128/a@b", "http://proxy:3128/a@b"),
        ("http://host#frag:x@y", "http://host#frag:x@y"),
        ("/var/lib/docwatch/docwatch.sqlite", "/var/lib/docwatch/docwatch.sqlite"),
    ])
    func masksThePassword(_ url: String, _ shown: String) {
        #expect(URLPassword.redacted(url, mask: "***") == shown)
    }
}
