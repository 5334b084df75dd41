import DocWatchCore
import DocWatchExtract
import DocWatchFetch
import Foundation

/// The pipeline's charset order (`CharsetDecoder`), as the listing poller hands it to the reader.
private let decode: ListingTextDecoder = { CharsetDecoder.decode($0, contentType: $1, forced: $2).text }

/// MIIT's policy search answer: items at `data.searchResult.dataResults[*].groupData[0].data`.
private let miitPaths = JSONItemPaths(items: "data.searchResult.dataResults", link: "groupData.0.data.url",
                                      title: "groupData.0.data.title", published: "groupData.0.data.deploytime")

/// One libFuzzer input through `ListingReader.read`, the one entry point a listing poll uses, as each
/// kind: a list page (Hanweb jpage datastores and the main-list rules included, without `follow` and
/// with one), a feed, a sitemap and a JSON answer. Errors (`ListingError`, no article links among
/// them) are expected; crashes, hangs and runaway memory are not.
func fuzzListing(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let bodies = [
        ListingBody(kind: .list, bytes: bytes, contentType: "text/html", url: "https://jxt.jiangsu.gov.cn/col/col6278/index.html"),
        ListingBody(kind: .list, bytes: bytes, url: "https://www.example.gov.cn/xwdt/index.html", follow: #"/art/\d{4}/"#),
        ListingBody(kind: .feed, bytes: bytes, url: "https://www.example.gov.cn/rss.xml"),
        ListingBody(kind: .sitemap, bytes: bytes, url: "https://www.example.gov.cn/sitemap.xml"),
        ListingBody(kind: .json, bytes: bytes, contentType: "application/json",
                    url: "https://www.miit.gov.cn/search-front-server/api/search/info?websiteid=110000000000000&pg=10&p=1",
                    jsonPaths: miitPaths),
    ]
    for body in bodies {
        _ = try? ListingReader.read(body, decode: decode)
    }
    return 0
}
