import CLibXML2

/// The attributes an element keeps, read from the name/value list libxml2's parser hands over.
enum HTMLAttributes {
    /// The attributes kept: the ones extraction and link discovery read. Styling, sizes and event
    /// handlers are a sixth of a table-layout page and copying them cost more than all the rest.
    static let kept: [(name: [UInt8], key: String)] = [
        "id", "class", "href", "src", "rel", "type", "title", "alt", "aria-label", "role", "name", "content",
        "property", "itemprop", "http-equiv", "charset", "datetime", "lang", "hreflang", "media",
    ].map { (Array($0.utf8) + [0], $0) }

    /// The kept attributes of a start tag's NULL-terminated name/value list (libxml2 has already
    /// lower-cased the names, decoded the values' entities and dropped repeated names); `titleHint`
    /// is set when `class` or `id` contains "title". A name without a value reads as libxml2's tree
    /// gave it: its own name for HTML's boolean attributes (`checked`), else empty.
    static func read(_ list: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, titleHint: inout Bool) -> [(name: String, value: String)] {
        guard let list else { return [] }
        var result: [(name: String, value: String)] = []
        var index = 0
        while let name = list[index] {
            let value = list[index + 1]
            index += 2
            guard let key = keptKey(name) else { continue }
            if let value {
                if key == "class" || key == "id", containsTitle(value) { titleHint = true }
                result.append((key, String(cString: value)))
            } else {
                result.append((key, htmlIsBooleanAttr(name) != 0 ? key : ""))
            }
        }
        return result
    }

    /// The kept attributes by the first byte of their name (ASCII), so a name is compared with two
    /// or three candidates, not all of them.
    private static let keptByFirstByte: [[(name: [UInt8], key: String)]] = (0..<128).map { byte in
        kept.filter { $0.name[0] == UInt8(byte) }
    }

    /// The key for a kept attribute name, without building a string for the others.
    private static func keptKey(_ name: UnsafePointer<xmlChar>) -> String? {
        let first = Int(name[0])
        guard first < 128 else { return nil }
        for entry in keptByFirstByte[first] {
            var index = 1
            while entry.name[index] != 0, name[index] == entry.name[index] { index += 1 }
            if entry.name[index] == 0, name[index] == 0 { return entry.key }
        }
        return nil
    }

    /// Whether a C string contains "title" in any case.
    private static func containsTitle(_ text: UnsafePointer<xmlChar>) -> Bool {
        let word: [UInt8] = Array("title".utf8)
        var index = 0
        while text[index] != 0 {
            var matched = 0
            while matched < word.count, text[index + matched] != 0, text[index + matched] | 0x20 == word[matched] { matched += 1 }
            if matched == word.count { return true }
            index += 1
        }
        return false
    }
}
