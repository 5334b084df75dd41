import DocWatchExtract

/// One libFuzzer input: the input as a feed (RSS, Atom, JSON Feed), as a sitemap (urlset or index) and
/// as a list page, through each public parser a listing poll uses. Errors are expected; crashes,
/// hangs and runaway memory are not.
func fuzzDiscovery(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? FeedParser.parse(bytes, feedURL: "https://www.example.gov.cn/rss.xml")
    _ = try? SitemapParser.parse(bytes, sitemapURL: "https://www.example.gov.cn/sitemap.xml", follow: nil)
    let html = String(decoding: bytes, as: UTF8.self)
    _ = try? LinkDiscovery.articleLinks(html: html, pageURL: "https://www.example.gov.cn/xwdt/index.html", follow: nil)
    _ = LinkDiscovery.nextPageURL(html: html, pageURL: "https://www.example.gov.cn/xwdt/index.html")
    return 0
}
