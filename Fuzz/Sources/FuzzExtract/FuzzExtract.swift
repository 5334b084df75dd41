import DocWatchExtract

/// The extractor every input goes through (facts and Simplified normalisation on, as in the daemon).
let extractor = Extractor()

/// One libFuzzer input: the input as a page's HTML (invalid UTF-8 repaired, as the decoder would) through
/// the whole extraction: DOM, main content, metadata, facts, links.
func fuzzExtract(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let html = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = extractor.extract(html: html, url: "https://www.example.gov.cn/xwdt/2026/t20261120_1.html")
    return 0
}
