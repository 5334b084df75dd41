/// Why a 2xx body cannot be a version of a text document.
public enum UnusableBody: Sendable, Equatable {
    /// No bytes at all.
    case empty
    /// The bytes start with a known binary format's signature.
    case format(BodyFormat, servedAs: String?)
    /// The server declares a non-text type and the bytes are not text.
    case declared(String)
    /// No known signature, but the first KiB is full of control bytes.
    case binary(controlBytes: Int, of: Int, servedAs: String?)

    /// One line for the fetch log: what the body is and what it was expected to be (`a web page`).
    public func message(status: Int, expected: String) -> String {
        switch self {
        case .empty:
            return "empty body (HTTP \(status))"
        case .format(let format, let servedAs):
            return "\(format.mimeType) body (\(format.name) magic bytes\(Self.served(servedAs))), not \(expected)"
        case .declared(let type):
            return "\(type) body (declared Content-Type, binary bytes), not \(expected)"
        case .binary(let controls, let sample, let servedAs):
            return "binary body (\(controls) control bytes in the first \(sample)\(Self.served(servedAs))), not \(expected)"
        }
    }

    private static func served(_ type: String?) -> String {
        type.map { ", served as \($0)" } ?? ""
    }
}

/// Tells a text body (HTML, XML, plain text, in any charset) from one that is not, before decoding.
///
/// Judged in this order: empty; a known binary signature (`BodyFormat`); a declared non-text
/// Content-Type whose bytes hold any control byte; a first KiB of which 5% or more are control
/// bytes. Text in GBK, Big5, Shift-JIS or UTF-8 has no control bytes; UTF-16 has NULs, and is
/// recognised by its byte-order mark or by NULs all in odd or all in even positions.
public enum BodySniffer {
    /// How many leading bytes the control-byte test reads.
    public static let sampleSize = 1024

    /// Why `body` (served with `contentType`) is not text, or nil when it is usable.
    /// `allowing` lists formats the caller reads itself (a sitemap may be gzipped).
    public static func unusable(_ body: [UInt8], contentType: String?, allowing: Set<BodyFormat> = []) -> UnusableBody? {
        guard !body.isEmpty else { return .empty }
        let declared = mediaType(contentType)
        if let format = BodyFormat.detect(body) {
            return allowing.contains(format) ? nil : .format(format, servedAs: declared)
        }
        let sample = body.prefix(sampleSize)
        if isUTF16(sample) { return nil }
        let controls = sample.reduce(0) { $0 + (isControl($1) ? 1 : 0) }
        if let declared, isNonTextType(declared), controls > 0 { return .declared(declared) }
        if controls * 20 >= sample.count { return .binary(controlBytes: controls, of: sample.count, servedAs: declared) }
        return nil
    }

    /// The media type of a Content-Type header, lower-cased, without parameters.
    static func mediaType(_ contentType: String?) -> String? {
        guard let contentType else { return nil }
        let type = contentType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        let trimmed = Whitespace.trim(type).lowercased()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Media types that are never a page, feed or sitemap.
    static func isNonTextType(_ type: String) -> Bool {
        if type.hasSuffix("+xml") || type.hasSuffix("+json") { return false }
        for prefix in ["image/", "audio/", "video/", "font/", "application/vnd.openxmlformats", "application/vnd.ms-"]
        where type.hasPrefix(prefix) {
            return true
        }
        return nonTextTypes.contains(type)
    }

    private static let nonTextTypes: Set<String> = [
        "application/pdf", "application/zip", "application/octet-stream", "application/gzip", "application/x-gzip",
        "application/x-bzip2", "application/x-7z-compressed", "application/x-rar-compressed", "application/vnd.rar",
        "application/msword", "application/ofd", "application/x-msdownload", "application/x-shockwave-flash",
    ]

    /// C0 controls other than tab, line feed, form feed, carriage return and ESC (ISO-2022 uses
    /// it), plus DEL.
    private static func isControl(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09, 0x0A, 0x0C, 0x0D, 0x1B: false
        case 0x00..<0x20, 0x7F: true
        default: false
        }
    }

    /// A UTF-16 byte-order mark, or markup's ASCII in UTF-16: a NUL in a third or more of one
    /// parity's positions and in none of the other's.
    private static func isUTF16(_ sample: ArraySlice<UInt8>) -> Bool {
        if sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF]) { return true }
        var nuls = (even: 0, odd: 0)
        for (offset, byte) in sample.enumerated() where byte == 0 {
            if offset % 2 == 0 { nuls.even += 1 } else { nuls.odd += 1 }
        }
        let half = sample.count / 2
        return half > 0 && ((nuls.even * 3 >= half && nuls.odd == 0) || (nuls.odd * 3 >= half && nuls.even == 0))
    }
}
