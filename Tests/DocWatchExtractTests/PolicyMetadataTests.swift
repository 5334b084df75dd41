import Testing

/// Issue 9 item 6: the metadata of policy pages (发文机关, 发文字号, 成文日期, 发布日期, 索引号).
@Suite struct PolicyMetadataTests {
    /// gov.cn's table: labels in `<b>`, 索引号 spread over spans, two label/value pairs a row.
    static let govTable = """
        <table class="bd1"><tbody>
        <tr><td><b>索<span> </span>引<span> </span>号：</b></td><td>000014349/2024-00085</td>
            <td><b>主题分类：</b></td><td>工业、交通\\其他</td></tr>
        <tr><td><b>发文机关：</b></td><td>国务院</td><td><b>成文日期：</b></td><td>2024年07月28日</td></tr>
        <tr><td><b>标&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;题：</b></td><td colspan="3">国务院关于促进服务消费高质量发展的意见</td></tr>
        <tr><td><b>发文字号：</b></td><td>国发〔2024〕17号</td><td><b>发布日期：</b></td><td>2024年08月06日</td></tr>
        </tbody></table>
        """

    @Test func govTableGivesIssuerNumberBothDatesAndIndexNumber() {
        let head = #"<meta name="firstpublishedtime" content="2024-08-06-08:39:00">"#
        let document = Fixture.extract(Fixture.page(head: head, body: Self.govTable + "<div>\(Fixture.articleParagraphs)</div>"))
        #expect(document.issuer == "国务院")
        #expect(document.docNumber == "国发〔2024〕17号")
        #expect(document.written == "2024-07-28")
        #expect(document.published == "2024-08-06T08:39:00+08:00")
        #expect(document.indexNumber == "000014349/2024-00085")
        #expect(document.authors.isEmpty)
    }

    struct Layout: CustomTestStringConvertible, Sendable {
        let name: String
        let html: String
        let issuer: String?
        let docNumber: String?
        let written: String?
        var testDescription: String { name }
    }

    @Test(arguments: [
        Layout(name: "label and value in one cell", html: "<div><p>发文机关：国务院办公厅</p><p>文号：国办发〔2024〕5号</p><p>成文日期：2024-02-01</p></div>",
               issuer: "国务院办公厅", docNumber: "国办发〔2024〕5号", written: "2024-02-01"),
        Layout(name: "list items with spans", html: "<ul><li><span>发布机构：</span><span>江苏省工业和信息化厅</span></li><li><span>发文字号：</span><span>苏工信规〔2023〕3号</span></li></ul>",
               issuer: "江苏省工业和信息化厅", docNumber: "苏工信规〔2023〕3号", written: nil),
        Layout(name: "several labels on one line", html: "<p>发文机关：国务院 成文日期：2024年07月28日 发文字号：国发〔2024〕17号</p>",
               issuer: "国务院", docNumber: "国发〔2024〕17号", written: "2024-07-28"),
        Layout(name: "Traditional labels", html: "<table><tr><td>發文機關：</td><td>行政院</td><td>發文字號：</td><td>院臺規字第1130000001號</td></tr></table>",
               issuer: "行政院", docNumber: "院臺規字第1130000001號", written: nil),
        Layout(name: "empty value cells are no value", html: "<table><tr><td>发文字号：</td><td></td><td>发文机关：</td><td>无</td></tr></table>",
               issuer: nil, docNumber: nil, written: nil),
    ])
    func disclosureLayouts(layout: Layout) {
        let document = Fixture.extract(Fixture.page(body: layout.html + "<div>\(Fixture.articleParagraphs)</div>"))
        #expect(document.issuer == layout.issuer)
        #expect(document.docNumber == layout.docNumber)
        #expect(document.written == layout.written)
        #expect(document.authors.isEmpty)
    }

    @Test func writtenDateIsNeverThePublicationDate() {
        let table = "<table><tr><td>成文日期：</td><td>2022年01月27日</td></tr></table>"
        let html = Fixture.page(head: #"<meta name="PubDate" content="2022-01-28 09:30:00">"#, body: table + "<div>\(Fixture.articleParagraphs)</div>")
        let document = Fixture.extract(html)
        #expect(document.written == "2022-01-27")
        #expect(document.published == "2022-01-28T09:30:00+08:00")
    }

    @Test func signatureUnderTheTextGivesIssuerAndWrittenDate() {
        let body = "<h1>关于促进服务消费高质量发展的意见</h1><div class=\"content\"><p>国发〔2024〕17号</p>\(Fixture.articleParagraphs)\(Fixture.articleParagraphs)"
            + "<p>国务院</p><p>2024年7月28日</p><p>（此件公开发布）</p></div>"
        let document = Fixture.extract(Fixture.page(title: "关于促进服务消费高质量发展的意见", body: body))
        #expect(document.issuer == "国务院")
        #expect(document.written == "2024-07-28")
        #expect(document.docNumber == "国发〔2024〕17号")
    }

    @Test func aDateUnderAnOrdinaryLineIsNoSignature() {
        let body = "<div class=\"content\">\(Fixture.articleParagraphs)<p>欢迎广大市民积极参与</p><p>2024年7月28日</p></div>"
        let document = Fixture.extract(Fixture.page(body: body))
        #expect(document.issuer == nil)
        #expect(document.written == nil)
    }

    @Test func officeNamedAsMetaAuthorIsNoAuthor() {
        let head = #"<meta name="author" content="吉林省人民政府">"#
        let table = "<table><tr><td>发文机关：</td><td>吉林省人民政府</td></tr></table>"
        let document = Fixture.extract(Fixture.page(head: head, body: table + "<div>\(Fixture.articleParagraphs)</div>"))
        #expect(document.issuer == "吉林省人民政府")
        #expect(document.authors.isEmpty)
    }
}
