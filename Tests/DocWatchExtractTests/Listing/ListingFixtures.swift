import DocWatchCore
import DocWatchFetch
@testable import DocWatchExtract

/// Reads listings as the poller does: the fetch stage's charset decoder, the entry point.
enum ListingFixtures {
    static let decode: ListingTextDecoder = { CharsetDecoder.decode($0, contentType: $1, forced: $2).text }

    static func read(
        _ kind: SourceKind, _ text: String, url: String, follow: String? = nil, contentType: String? = nil,
        charset: String? = nil, paths: JSONItemPaths? = nil
    ) throws(ListingError) -> Listing {
        try read(kind, Array(text.utf8), url: url, follow: follow, contentType: contentType, charset: charset, paths: paths)
    }

    static func read(
        _ kind: SourceKind, _ bytes: [UInt8], url: String, follow: String? = nil, contentType: String? = nil,
        charset: String? = nil, paths: JSONItemPaths? = nil
    ) throws(ListingError) -> Listing {
        let body = ListingBody(kind: kind, bytes: bytes, contentType: contentType, charset: charset, url: url,
                               follow: follow, jsonPaths: paths)
        return try ListingReader.read(body, decode: decode)
    }

    /// A Hanweb column page whose list lives only in a jpage datastore, with navigation to other
    /// columns and a "headline" box of undated article links around it.
    static func hanwebColumn(records: [(path: String, title: String, date: String)], nextGroup: String?) -> String {
        let items = records.map {
            "<record><![CDATA[\n<li><a href='\($0.path)' title='\($0.title)' target=\"_blank\">\($0.title)</a><span>\($0.date)</span></li>]]></record>"
        }
        let next = nextGroup.map { "<nextgroup><![CDATA[<a href=\"\($0)\"></a>]]></nextgroup>" } ?? ""
        return """
            <html><head><meta charset="utf-8"><title>厅机关动态</title></head><body>
            <div class="nav"><a href="/col/col6277/index.html">首页</a><a href="/col/col6279/index.html">通知公告</a></div>
            <div class="headline"><a href="/art/2024/7/1/art_6200_1.html">头条：全省工业经济运行情况</a></div>
            <div id="6278"><script type="text/xml"><datastore>
            \(next)
            <recordset>
            \(items.joined(separator: "\n"))
            </recordset></datastore></script></div>
            <div class="footer"><a href="/art/2019/1/1/art_1_1.html">网站声明</a></div>
            </body></html>
            """
    }

    /// The answer of a Hanweb data proxy: the next group of records as bare datastore XML.
    static func hanwebGroup(records: [(path: String, title: String, date: String)], nextGroup: String?) -> String {
        let items = records.map { "<record><![CDATA[<li><a href='\($0.path)'>\($0.title)</a><span>\($0.date)</span></li>]]></record>" }
        let next = nextGroup.map { "<nextgroup><![CDATA[<a href=\"\($0)\"></a>]]></nextgroup>" } ?? ""
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><datastore>\(next)<recordset>\(items.joined())</recordset></datastore>"
    }
}
