import DocWatchCore
import DocWatchTestSupport
import Foundation
import Testing

/// Lists the way real government sites publish them: Hanweb column pages whose list lives in a
/// jpage datastore, JSON search APIs, and a list docwatch cannot read.
@Suite("End to end: Hanweb lists, JSON lists, empty lists", .serialized)
struct HanwebListingEndToEndTests {
    typealias Record = (path: String, title: String)

    static func records(_ items: [Record]) -> String {
        items.map { "<record><![CDATA[<li><a href='\($0.path)' title='\($0.title)' target=\"_blank\">\($0.title)</a><span>2024-07-30</span></li>]]></record>" }
            .joined(separator: "\n")
    }

    /// A Hanweb column page: navigation, an undated headline box, the list only inside a script.
    static func column(_ items: [Record], nextGroup: String) -> String {
        """
        <html><head><meta charset="utf-8"><title>厅机关动态</title></head><body>
        <div class="nav"><a href="/col/col6277/index.html">首页</a><a href="/col/col6279/index.html">通知公告</a></div>
        <div class="headline"><a href="/art/2024/7/1/art_6200_1.html">头条：全省工业经济运行情况</a></div>
        <div id="6278"><script type="text/xml"><datastore>
        <nextgroup><![CDATA[<a href="\(nextGroup)"></a>]]></nextgroup>
        <recordset>
        \(records(items))
        </recordset></datastore></script></div>
        </body></html>
        """
    }

    @Test("a Hanweb column: its jpage records and the next group are fetched, wherever they live; the headline box is not")
    func hanwebColumn() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let first: [Record] = (1...3).map { ("/art/2024/7/30/art_6278_1183077\($0).html", "工信动态第\($0)条") }
        let second: [Record] = (4...5).map { ("/art/2024/7/29/art_6278_1183077\($0).html", "工信动态第\($0)条") }
        for record in first + second {
            server.page(path: record.path, body: ListingEndToEndTests.article(record.title), etag: "\"\(record.path)\"")
        }
        server.page(path: "/art/2024/7/1/art_6200_1.html", body: ListingEndToEndTests.article("头条"), etag: "\"h\"")
        let proxy = "/module/web/jpage/dataproxy.jsp"
        server.set(path: "/col/col6278/index.html", body: Self.column(first, nextGroup: proxy + "?page=1&amp;columnid=6278&amp;unitid=1"))
        server.set(path: proxy, headers: ["Content-Type": "text/xml;charset=UTF-8"], body: """
            <?xml version="1.0" encoding="UTF-8"?><datastore><recordset>\(Self.records(second))</recordset></datastore>
            """)
        let space = try Workspace()
        try space.writeConfig(sources: """
            [[source]]
            id = "jsgxt"
            url = "\(server.url("/col/col6278/index.html"))"
            kind = "list"
            pages = 2
            """)
        let result = try await space.run(["fetch"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try space.events().compactMap(\.title).sorted() == (1...5).map { "工信动态第\($0)条" })
        #expect(server.requests(to: "/art/2024/7/1/art_6200_1.html").isEmpty, "the headline box is not the list")
        #expect(server.requests(to: proxy).count == 1)
    }

    @Test("a list with no article links fails its source: fetch exits 1 naming it, sources shows it failing")
    func emptyListFails() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        server.set(path: "/zcwj/index.html", body: """
            <html><head><meta charset="utf-8"></head><body>
            <div class="nav"><a href="/">首页</a><a href="/zcwj/index.html">政策文件</a></div>
            <div id="list"></div><script src="/js/list.js"></script></body></html>
            """)
        let space = try Workspace()
        try space.writeConfig(sources: "[[source]]\nid = \"zcwj\"\nurl = \"\(server.url("/zcwj/index.html"))\"\nkind = \"list\"\n")
        let result = try await space.run(["fetch"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("source zcwj: no article links in the list page"), "\(result.stderr)")
        #expect(result.stderr.contains("kind = \"json\""))
        let sources = try Workspace.jsonLines(try await space.run(["sources", "--json"]).stdout)
        let row = try #require(sources.first { $0["id"] as? String == "zcwj" })
        #expect(row["failures"] as? Int == 1)
        #expect((row["last_error"] as? String)?.contains("no article links") == true)
    }

    @Test("a JSON search API: items, links resolved against the API URL, titles, epoch-millisecond dates")
    func jsonAPI() async throws {
        let server = try await TestHTTPServer.start()
        defer { Task { await server.stop() } }
        let paths = (1...3).map { "/zwgk/zcwj/wjfb/tz/art/2024/art_\($0).html" }
        for (index, path) in paths.enumerated() {
            server.page(path: path, body: ListingEndToEndTests.article("政策文件\(index + 1)"), etag: "\"\(index)\"")
        }
        let results = paths.enumerated().map { index, path in
            #"{"groupData":[{"data":{"url":"\#(path)","title":"政策文件\#(index + 1)","deploytime":172230000\#(index)000}}]}"#
        }
        server.set(path: "/search-front-server/api/search/info", headers: ["Content-Type": "application/json;charset=UTF-8"],
                   body: #"{"success":true,"data":{"searchResult":{"dataResults":[\#(results.joined(separator: ","))]}}}"#)
        let space = try Workspace()
        try space.writeConfig(sources: """
            [[source]]
            id = "miit-zcwj"
            kind = "json"
            url = "\(server.url("/search-front-server/api/search/info?websiteid=110000000000000&p=1"))"
            items = "data.searchResult.dataResults"
            link = "groupData.0.data.url"
            title = "groupData.0.data.title"
            published = "groupData.0.data.deploytime"
            """)
        let result = try await space.run(["fetch"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try space.events().compactMap(\.title).sorted() == ["政策文件1", "政策文件2", "政策文件3"])
    }
}
