import DocWatchCore
import DocWatchTestSupport
import Foundation
import Testing

/// Reposts across sites and scripts: near duplicates, exact duplicates, and search in either script.
@Suite("End to end: reposts and cross-script search", .serialized)
struct RepostEndToEndTests {
    static let simplifiedParagraphs = [
        "推动制造业复工复产，事关经济平稳运行、社会稳定发展，也事关产业链、供应链稳定安全。",
        "4月15日，江苏省政府召开新闻发布会，介绍全面推进制造业复工复产、加大企业帮扶纾困力度的有关情况。",
        "截至目前，全省规模以上工业企业复工率达到99.7%，人员返岗率由75.6%提升至94%。",
        "省工业和信息化厅负责人介绍，全省先后出台了一系列支持企业发展的政策措施，帮助企业解决用工、资金、物流等方面的困难。",
        "在稳定产业链供应链方面，江苏建立了重点企业联系制度，梳理龙头企业上下游配套企业清单，实行点对点协调。",
        "下一步，江苏将继续加大重大项目建设力度，新建5G基站5.2万座，积极申报新一批跨境电商综合试验区。",
        "同时，江苏将进一步优化营商环境，落实减税降费政策，降低企业生产经营成本，激发市场主体活力。",
        "会上还发布了《江苏省先进制造业集群产业强链三年行动计划》，明确了今后三年的重点任务。",
    ]

    /// The same article as a Traditional repost on another site, one paragraph dropped.
    static let traditionalParagraphs = [
        "推動製造業復工復產，事關經濟平穩運行、社會穩定發展，也事關產業鏈、供應鏈穩定安全。",
        "4月15日，江蘇省政府召開新聞發佈會，介紹全面推進製造業復工復產、加大企業幫扶紓困力度的有關情況。",
        "截至目前，全省規模以上工業企業復工率達到99.7%，人員返崗率由75.6%提升至94%。",
        "省工業和信息化廳負責人介紹，全省先後出臺了一系列支持企業發展的政策措施，幫助企業解決用工、資金、物流等方面的困難。",
        "在穩定產業鏈供應鏈方面，江蘇建立了重點企業聯繫制度，梳理龍頭企業上下游配套企業清單，實行點對點協調。",
        "下一步，江蘇將繼續加大重大項目建設力度，新建5G基站5.2萬座，積極申報新一批跨境電商綜合試驗區。",
        "會上還發佈了《江蘇省先進製造業集群產業強鏈三年行動計劃》，明確了今後三年的重點任務。",
    ]

    @Test("a Traditional repost on another site is a near duplicate; an exact copy is a duplicate with no document.new; search crosses scripts")
    func reposts() async throws {
        let mainland = try await TestHTTPServer.start()
        let taiwan = try await TestHTTPServer.start()
        defer { Task { await mainland.stop(); await taiwan.stop() } }
        let title = "江苏全面推进制造业复工复产"
        let original = Fixtures.article(title: title, site: "新华网", paragraphs: Self.simplifiedParagraphs, charset: "utf-8")
        mainland.page(path: "/original.html", body: original, etag: "\"o\"")
        mainland.page(path: "/copy.html", body: original.replacingOccurrences(of: "40344", with: "17"), etag: "\"c\"")
        taiwan.page(path: "/repost.html", body: Fixtures.article(title: "江蘇全面推進製造業復工復產", site: "中時新聞網",
                                                                 paragraphs: Self.traditionalParagraphs, charset: "utf-8"), etag: "\"r\"")
        let space = try Workspace()
        try space.writeConfig(sources: pageSource("xinhua", mainland.url("/original.html")) + pageSource("repost", taiwan.url("/repost.html")))
        #expect(try await space.run(["fetch"]).status == 0)
        try space.writeConfig(sources: pageSource("xinhua", mainland.url("/original.html")) + pageSource("repost", taiwan.url("/repost.html"))
            + pageSource("copy", mainland.url("/copy.html")))
        let second = try await space.run(["fetch", "copy", "--json"])
        #expect(try Workspace.jsonLines(second.stdout).first?["outcome"] as? String == "duplicate")
        #expect(try space.events().map(\.type) == [.documentNew, .documentNew])

        let originalDoc = try #require(try Workspace.jsonLines(try await space.run(["show", mainland.url("/original.html"), "--json"]).stdout).first)
        let near = try #require(originalDoc["near_duplicates"] as? [[String: Any]])
        #expect(near.map { $0["url"] as? String } == [taiwan.url("/repost.html")])
        // One paragraph in eight dropped: the whole-text SimHash moves past 3 bits, the paragraphs still match.
        #expect((near.first?["overlap"] as? Double ?? 0) >= 0.8)
        #expect(near.first?["distance"] is Int)
        let copyDoc = try #require(try Workspace.jsonLines(try await space.run(["show", mainland.url("/copy.html"), "--json"]).stdout).first)
        #expect(copyDoc["duplicate_of"] as? Int == originalDoc["id"] as? Int)

        // 江蘇 (Traditional) finds the Simplified original; 产业链 (Simplified) finds the Traditional repost.
        let traditionalQuery = Set(try Workspace.jsonLines(try await space.run(["query", "江蘇", "--json"]).stdout).compactMap { $0["url"] as? String })
        #expect(traditionalQuery.contains(mainland.url("/original.html")))
        let simplifiedQuery = Set(try Workspace.jsonLines(try await space.run(["query", "产业链", "--json"]).stdout).compactMap { $0["url"] as? String })
        #expect(simplifiedQuery.contains(taiwan.url("/repost.html")))
        #expect(!simplifiedQuery.contains(mainland.url("/copy.html")), "duplicates are left out of search results")
    }
}
