import DocWatchCore
import DocWatchStore
import Testing

/// How attachments enter a version's content hash.
@Suite("Attachment content rules")
struct AttachmentContentRulesTests {
    static func record(_ text: String, sha256: String = "sha256:1") -> AttachmentRecord {
        AttachmentRecord(url: "https://a.gov.cn/a.pdf", name: "附件", type: .pdf, sha256: sha256, text: text,
                         textSimplified: text, facts: [])
    }

    @Test("no attachments: the page's own hash, so documents stored before attachments do not all change")
    func noAttachmentsKeepsThePageHash() {
        let page = ContentHash.of(title: "标题", text: "正文")
        #expect(AttachmentContentRules.contentHash(page: page, attachments: []) == page)
    }

    @Test("new words in an attachment change the hash; the same words in new bytes do not")
    func attachmentTextDecides() {
        let page = ContentHash.of(title: "标题", text: "正文")
        let first = AttachmentContentRules.contentHash(page: page, attachments: [Self.record("产能120万千瓦")])
        #expect(first != page)
        #expect(AttachmentContentRules.contentHash(page: page, attachments: [Self.record("产能120万千瓦", sha256: "sha256:2")]) == first)
        #expect(AttachmentContentRules.contentHash(page: page, attachments: [Self.record("产能150万千瓦")]) != first)
    }
}
