import DocWatchTestSupport
import Foundation
import Testing

/// Issue 9 items 6 and 7 as a user meets them: a gov.cn-shaped policy page through `extract --json`,
/// and fetched, stored and read back by `show --json`.
@Suite("End to end: a policy page's issuer, 文号, dates and index number; its body without the disclosure table", .serialized)
struct PolicyPageEndToEndTests {
    static let paragraphs = [
        "服务消费是促进消费扩容提质、结构优化的重要引擎。为挖掘服务消费潜力，更好满足人民群众个性化、多样化、品质化服务消费需求，现提出如下意见。",
        "各地区各部门要充分认识促进服务消费高质量发展的重要意义，结合实际抓好贯彻落实，加大对服务消费领域的政策支持力度，确保各项措施落到实处。",
    ]

    /// A page laid out as gov.cn lays out its policy documents.
    static let page = """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8">
        <title>国务院关于促进服务消费高质量发展的意见_国务院文件_中国政府网</title>
        <meta name="firstpublishedtime" content="2024-08-06-08:39:00">
        <meta name="author" content="国务院">
        </head><body>
        <div class="header"><a href="/">首页</a> <a href="/zhengce/">政策</a></div>
        <div class="BreadcrumbNav">当前位置：首页 &gt; 政策 &gt; 国务院文件</div>
        <table class="bd1"><tbody>
        <tr><td><b>索<span> </span>引<span> </span>号：</b></td><td>000014349/2024-00085</td><td><b>主题分类：</b></td><td>商贸、海关、旅游\\其他</td></tr>
        <tr><td><b>发文机关：</b></td><td>国务院</td><td><b>成文日期：</b></td><td>2024年07月28日</td></tr>
        <tr><td><b>标&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;题：</b></td><td colspan="3">国务院关于促进服务消费高质量发展的意见</td></tr>
        <tr><td><b>发文字号：</b></td><td>国发〔2024〕18号</td><td><b>发布日期：</b></td><td>2024年08月06日</td></tr>
        </tbody></table>
        <div class="article">
        <h1>国务院关于促进服务消费高质量发展的意见</h1>
        <div class="pages_content" id="UCAP-CONTENT">
        <p>国发〔2024〕18号</p>
        <p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>
        \(paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        <p>附件：<a href="/zhengce/files/fj1.pdf">1. 重点任务分工表.pdf</a></p>
        <p>国务院</p>
        <p>2024年7月28日</p>
        <p>（此件公开发布）</p>
        </div>
        <div class="share">分享到：微信 微博</div>
        <div class="jiucuo">【我要纠错】</div>
        <div>【打印本页】 【关闭窗口】</div>
        </div>
        <div class="footer">版权所有：中国政府网 京ICP备05070218号</div>
        </body></html>
        """

    static func check(_ object: [String: Any]) {
        #expect(object["issuer"] as? String == "国务院")
        #expect(object["doc_number"] as? String == "国发〔2024〕18号")
        #expect(object["written"] as? String == "2024-07-28")
        #expect(object["published"] as? String == "2024-08-06T08:39:00+08:00")
        #expect(object["index_number"] as? String == "000014349/2024-00085")
        #expect((object["authors"] as? [String]) == [])
        let text = object["text"] as? String ?? ""
        #expect(text.hasPrefix("国发〔2024〕18号\n各省、自治区、直辖市人民政府"))
        #expect(text.contains("附件：1. 重点任务分工表.pdf"))
        for furniture in ["索引号", "主题分类", "发文机关", "我要纠错", "打印本页", "微博"] {
            #expect(!text.contains(furniture), "\(furniture) in the body")
        }
    }

    @Test("extract --json prints issuer, doc_number, written, published (firstpublishedtime) and index_number")
    func extractPrintsThePolicyFields() async throws {
        let space = try Workspace()
        let path = space.directory.appendingPathComponent("policy.html").path
        try Self.page.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try await DocWatchProcess.run(["extract", "--json", path])
        #expect(result.status == 0, "\(result.stderr)")
        Self.check(try #require(try Workspace.jsonLines(result.stdout).first))
    }

    @Test("fetch stores the policy fields on the version; show --json and show print them")
    func showReadsTheStoredPolicyFields() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        server.page(path: "/content_6966446.htm", body: Self.page, etag: "\"p1\"")
        let space = try Workspace()
        try space.writeConfig(sources: pageSource("gov-policy", server.url("/content_6966446.htm")))
        let fetch = try await space.run(["fetch"])
        #expect(fetch.status == 0, "\(fetch.stderr)")
        let show = try await space.run(["show", "1", "--json"])
        #expect(show.status == 0, "\(show.stderr)")
        Self.check(try #require(try Workspace.jsonLines(show.stdout).first))
        let human = try await space.run(["show", "1"])
        #expect(human.stdout.contains("issuer") && human.stdout.contains("国发〔2024〕18号") && human.stdout.contains("2024-07-28"))
    }
}
