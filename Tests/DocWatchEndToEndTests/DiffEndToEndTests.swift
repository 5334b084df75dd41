import DocWatchCore
import DocWatchTestSupport
import Foundation
import Testing

/// Issue 12 as a reader meets it: a page edited in place, fetched again by the real binary.
@Suite("End to end: what a changed document's event and docwatch diff say", .serialized)
struct DiffEndToEndTests {
    static let paragraph = "今年以来，全省持续推进5G网络建设和应用，截至10月底累计建成5G基站5.2万座，重点场所5G网络覆盖率达到84%，"
        + "比上年同期提高了十一个百分点。下一步，省通信管理局将会同有关部门加快推进千兆光网和5G网络协同发展，"
        + "着力打造一批具有示范意义的行业应用标杆，为经济社会高质量发展提供有力支撑。"

    static func serve(_ server: TestHTTPServer, headline: String, number: Int, percent: String, etag: String) {
        let paragraphs = ["苏通信发〔2026〕\(number)号", paragraph.replacingOccurrences(of: "84%", with: percent), "各设区市通信管理部门要抓好落实。"]
        server.page(path: "/5g.html", body: Fixtures.article(title: headline, site: "江苏省通信管理局", paragraphs: paragraphs, charset: "utf-8"),
                    etag: etag)
    }

    @Test("headline 5.2万 → 6.1万, 84% → 86% in a long paragraph and a new 文号: in changes, facts, the diff file and docwatch diff")
    func editedPage() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let space = try Workspace()
        Self.serve(server, headline: "江苏新建5G基站5.2万座", number: 4, percent: "84%", etag: "\"v1\"")
        try space.writeConfig(sources: pageSource("tx", server.url("/5g.html")))
        let first = try await space.run(["fetch"])
        #expect(first.status == 0, "\(first.stderr)")
        Self.serve(server, headline: "江苏新建5G基站6.1万座", number: 5, percent: "86%", etag: "\"v2\"")
        let second = try await space.run(["fetch"])
        #expect(second.status == 0, "\(second.stderr)")

        let changed = try #require(try space.events().last)
        #expect(changed.type == .documentChanged)
        let diff = try #require(changed.diff)
        #expect(diff.changes == [
            ChangeSpan(field: "title", before: "5.2万", after: "6.1万", context: "江苏新建5G基站"),
            ChangeSpan(field: "text", before: "4", after: "5", context: "苏通信发〔2026〕"),
            ChangeSpan(field: "text", before: "84%", after: "86%", context: "重点场所5G网络覆盖率达到"),
        ])
        #expect(diff.added == 2 && diff.removed == 2 && !diff.rewritten)
        #expect(diff.factsAdded.contains(FactMention(kind: .docNumber, text: "苏通信发〔2026〕5号")))
        #expect(diff.factsRemoved.contains(FactMention(kind: .docNumber, text: "苏通信发〔2026〕4号")))
        #expect(diff.factsAdded.contains { $0.text.contains("86%") } && diff.factsRemoved.contains { $0.text.contains("84%") })

        // The diff file: the title header, then the unified diff (`docwatch diff --unified` prints the same).
        let file = try String(contentsOfFile: space.logDir + "/" + diff.file, encoding: .utf8)
        #expect(file.hasPrefix("title: 江苏新建5G基站[-5.2万-]{+6.1万+}座\n--- "))
        #expect(file.contains("\n-\(Self.paragraph)\n") && file.contains("\n+\(Self.paragraph.replacingOccurrences(of: "84%", with: "86%"))\n"))

        let view = try await space.run(["diff", "1", "--color", "never"])
        #expect(view.status == 0, "\(view.stderr)")
        #expect(view.stdout.contains("~苏通信发〔2026〕[-4-]{+5+}号\n"))
        #expect(view.stdout.contains("重点场所5G网络覆盖率达到[-84%-]{+86%+}，比上年"))
        let changes = try await space.run(["changes"])
        #expect(changes.stdout.contains("title: 江苏新建5G基站5.2万 → 6.1万"))
        let colored = try await space.run(["diff", "1", "--color", "always"])
        #expect(colored.stdout.contains("覆盖率达到\u{1B}[31m84%\u{1B}[0m\u{1B}[32m86%\u{1B}[0m"))
        let unified = try await space.run(["diff", "1", "--unified"])
        #expect(unified.stdout == file)
    }
}
