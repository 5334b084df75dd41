import DocWatchCore

/// The article records a Hanweb (大汉) or TRS "jpage" list keeps inside a script.
///
/// Such a column page draws its list in the browser from
/// `<script type="text/xml"><datastore><nextgroup><![CDATA[<a href="…dataproxy.jsp?…">]]></nextgroup>
/// <recordset><record><![CDATA[<li><a href="/art/…">…</a><span>2024-07-30</span></li>]]></record>…`;
/// the list's data proxy answers the next group of records as the same `<datastore>` XML. The
/// records are read from the text before HTML parsing, which drops scripts.
struct JpageDatastore {
    /// The HTML of each record, CDATA markers removed, in order.
    var records: [String]
    /// The markup inside `<nextgroup>`: a link to the data proxy's next group.
    var nextGroupMarkup: String?

    /// The `href` of the `<nextgroup>` link, as written (entities decoded).
    var nextGroup: String? {
        nextGroupMarkup.flatMap { HTMLParser.parse($0).first("a")?["href"] }
    }

    /// The datastore of `html` with the most records; nil when there is none with a record.
    static func find(in html: String) -> JpageDatastore? {
        var text = html
        return text.withUTF8 { bytes -> JpageDatastore? in
            guard ByteSearch.find(open, in: bytes) != nil else { return nil }  // the common case: one search
            var best: JpageDatastore?
            var cursor = 0
            while let start = ByteSearch.find(open, in: bytes, from: cursor) {
                let end = ByteSearch.find(close, in: bytes, from: start) ?? bytes.count
                let store = read(bytes, from: start, to: end)
                if store.records.count > (best?.records.count ?? 0) { best = store }
                cursor = end + 1
            }
            return best
        }
    }

    private static let open = Array("<datastore".utf8)
    private static let close = Array("</datastore>".utf8)
    private static let recordOpen = Array("<record".utf8)
    private static let recordClose = Array("</record>".utf8)
    private static let nextOpen = Array("<nextgroup".utf8)
    private static let nextClose = Array("</nextgroup>".utf8)

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> JpageDatastore {
        // Searches stay inside this datastore, so many datastores on one page cost one pass.
        let window = UnsafeBufferPointer(rebasing: bytes[0..<end])
        var store = JpageDatastore(records: [], nextGroupMarkup: element(nextOpen, nextClose, in: window, from: start)?.content)
        var cursor = start
        while let record = element(recordOpen, recordClose, in: window, from: cursor) {
            store.records.append(record.content)
            cursor = record.end
        }
        return store
    }

    /// The content of the next `<name>` or `<name …>` element (not `<namefoo>`) in `bytes` from
    /// `from`, without a CDATA wrapper, and the offset past its end tag.
    private static func element(
        _ openTag: [UInt8], _ closeTag: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int
    ) -> (content: String, end: Int)? {
        var cursor = from
        while let tag = ByteSearch.find(openTag, in: bytes, from: cursor) {
            let after = tag + openTag.count
            guard after < bytes.count, [0x3E, 0x20, 0x09, 0x0A, 0x0D].contains(bytes[after]) else {  // `>` or white space
                cursor = after
                continue
            }
            guard let gt = ByteSearch.find([UInt8(ascii: ">")], in: bytes, from: after),
                  let endTag = ByteSearch.find(closeTag, in: bytes, from: gt)
            else { return nil }
            let content = String(decoding: UnsafeBufferPointer(rebasing: bytes[(gt + 1)..<endTag]), as: UTF8.self)
            return (unwrapCDATA(content), endTag + closeTag.count)
        }
        return nil
    }

    /// `text` without a surrounding `<![CDATA[ … ]]>` (white space around it allowed).
    private static func unwrapCDATA(_ text: String) -> String {
        let trimmed = Whitespace.trim(text)
        guard trimmed.hasPrefix("<![CDATA["), trimmed.hasSuffix("]]>") else { return text }
        return String(trimmed.dropFirst(9).dropLast(3))
    }
}
