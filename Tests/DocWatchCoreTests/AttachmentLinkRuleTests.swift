import DocWatchCore
import Testing

@Suite("Attachment link rule")
struct AttachmentLinkRuleTests {
    @Test("document extensions and download endpoints are candidates; pages, images and other hosts' pages are not", arguments: [
        ("https://a.gov.cn/art/2024/7/30/附件1.PDF", AttachmentLinkRule.Candidate.named(.pdf)),
        ("https://a.gov.cn/files/a.docx?v=2", .named(.docx)),
        ("https://a.gov.cn/files/a.wps", .named(.wps)),
        ("https://a.gov.cn/files/a.et", .named(.et)),
        ("https://a.gov.cn/files/a.ofd#page=2", .named(.ofd)),
        ("https://a.gov.cn/module/download/downfile.jsp?classid=0&filename=1.doc", .named(.doc)),
        ("https://a.gov.cn/module/download/downfile.jsp?classid=0&id=12", .endpoint),
        ("https://a.gov.cn/download.jsp?id=3", .endpoint),
        ("https://a.gov.cn/attach/0/abc", .endpoint),
        ("https://a.gov.cn/get?fileName=x", .endpoint),
    ])
    func candidates(url: String, expected: AttachmentLinkRule.Candidate) {
        #expect(AttachmentLinkRule.candidate(url) == expected)
    }

    @Test("not candidates", arguments: [
        "https://a.gov.cn/art/2024/7/30/art_1.html", "https://a.gov.cn/images/a.png", "https://a.gov.cn/",
        "mailto:a@b.cn", "https://a.gov.cn/downtown/index.html?x=1.pdf", "https://a.gov.cn/docs.pdf.html",
    ])
    func notCandidates(url: String) {
        #expect(AttachmentLinkRule.candidate(url) == nil)
    }
}
