import DocWatchCore

/// A listing's bytes with what chooses their charset: the source's `charset`, the response's
/// `Content-Type`, and the decoder that applies the fetch stage's charset order.
///
/// Without a decoder (the parsers' byte entry points), text is read as UTF-8 and XML as its
/// declaration says.
struct ListingBytes {
    var bytes: [UInt8]
    var contentType: String?
    var charset: String?
    var decode: ListingTextDecoder?

    /// The body as text.
    func text() -> String {
        decode?(bytes, contentType, charset) ?? String(decoding: bytes, as: UTF8.self)
    }

    /// The root element of the body read as XML. The source's `charset`, else a `Content-Type`
    /// charset, decides the encoding; without either the XML declaration (or BOM) does. A header
    /// charset that cannot read the bytes (U+FFFD where the bytes hold none) yields to the declaration.
    func xmlRoot(url: String?) throws(ListingError) -> XMLTreeElement {
        guard let decode, charset != nil || Self.namesCharset(contentType) else { return try XMLTree.parse(bytes, url: url) }
        let text = decode(bytes, contentType, charset)
        if charset == nil, bytes.starts(with: Array("<?xml".utf8)), text.unicodeScalars.contains("\u{FFFD}"),
           !Self.holdsReplacement(bytes) {
            return try XMLTree.parse(bytes, url: url)
        }
        return try XMLTree.parse(text: text, url: url)
    }

    /// `bytes` with a gzip body inflated (sitemaps are often served as `.xml.gz`).
    func inflated(limit: Int) throws(ListingError) -> ListingBytes {
        guard Compression.isGzip(bytes) else { return self }
        var copy = self
        do {
            copy.bytes = try Compression.inflate(bytes, limit: limit)
        } catch {
            throw .corruptGzip(error.description)
        }
        return copy
    }

    /// Whether a `Content-Type` value has a `charset` parameter.
    private static func namesCharset(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        return contentType.lowercased().split(separator: ";").dropFirst().contains { Whitespace.trim(String($0)).hasPrefix("charset") }
    }

    /// Whether `bytes` hold an encoded U+FFFD (EF BF BD) themselves.
    private static func holdsReplacement(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while let hit = bytes[index...].firstIndex(of: 0xEF) {
            if hit + 2 < bytes.count, bytes[hit + 1] == 0xBF, bytes[hit + 2] == 0xBD { return true }
            index = hit + 1
        }
        return false
    }
}
