import DocWatchCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A charset bytes can be decoded from: UTF-8 natively, everything else through iconv.
struct Charset: Equatable {
    /// The iconv name (`GB18030`, `BIG5-HKSCS`, `UTF-8` …).
    let name: String

    static let utf8 = Charset(name: "UTF-8")

    /// The charset a label means, with the aliases Chinese sites use folded onto the supersets
    /// that decode them (`gb2312`/`gbk` → GB18030, `big5` → BIG5-HKSCS); nil for a label iconv
    /// does not know.
    init?(label: String) {
        let key = label.trimmingASCIISpaces().lowercased()
        switch key {
        case "": return nil
        case "utf-8", "utf8", "unicode-1-1-utf-8": self = .utf8
        default:
            if let superset = CharsetAlias.superset(of: key) {
                self.init(name: superset)
                return
            }
            guard Iconv.knows(key) else { return nil }
            self.init(name: key.uppercased())
        }
    }

    private init(name: String) {
        self.name = name
    }

    var isGB: Bool { name == CharsetAlias.gb18030 }

    /// The charset a byte-order mark names, and the mark's length.
    static func byteOrderMark(of bytes: [UInt8]) -> (Charset, Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (Charset(name: "UTF-16LE"), 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (Charset(name: "UTF-16BE"), 2) }
        return nil
    }

    /// The text of `bytes`; bytes that are invalid in this charset become U+FFFD.
    func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        if self == .utf8 { return String(decoding: bytes, as: UTF8.self) }
        return Iconv.convert(Array(bytes), from: name) ?? String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    fileprivate func trimmingASCIISpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\"" || first == "'" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\"" || last == "'" { scalars.removeLast() }
        return String(scalars)
    }
}
