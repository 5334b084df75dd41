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

    /// A name of up to 16 bytes packed into two words, little end first, zero-padded; nil for a longer one.
    private static func packed(_ name: UnsafePointer<xmlChar>) -> (UInt64, UInt64)? {
        var words: (UInt64, UInt64) = (0, 0)
        var index = 0
        while name[index] != 0 {
            guard index < 16 else { return nil }
            if index < 8 {
                words.0 |= UInt64(name[index]) << (8 * UInt64(index))
            } else {
                words.1 |= UInt64(name[index]) << (8 * UInt64(index - 8))
            }
            index += 1
        }
        return words
    }

    /// The kept names packed (`packed`), in `kept`'s order: a name is found by comparing two words
    /// per entry, without building a string or touching a reference count.
    private static let keptPacked: [(UInt64, UInt64)] = kept.map { entry in
        entry.name.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { packed($0) } ?? (0, 0)
        }
    }

    /// The key for a kept attribute name, without building a string for the others.
    private static func keptKey(_ name: UnsafePointer<xmlChar>) -> String? {
        guard let words = packed(name), words.0 != 0 else { return nil }
        return keptPacked.withUnsafeBufferPointer { table in
            for index in table.indices where table[index] == words { return kept[index].key }
            return nil
        }
    }

    /// Whether a C string contains "title" in any case.
    private static func containsTitle(_ text: UnsafePointer<xmlChar>) -> Bool {
        // "title" byte by byte, no array made per call (this runs for every class and id).
        var index = 0
        while text[index] != 0 {
            if text[index] | 0x20 == UInt8(ascii: "t"), text[index + 1] | 0x20 == UInt8(ascii: "i"),
               text[index + 2] | 0x20 == UInt8(ascii: "t"), text[index + 3] | 0x20 == UInt8(ascii: "l"),
               text[index + 4] | 0x20 == UInt8(ascii: "e") {
                return true
            }
            index += 1
        }
        return false
    }
}
