/// Where the charset of a decoded body came from, strongest first.
public enum CharsetSource: String, Sendable, Equatable {
    case forced, header, bom, meta, detector, `default`
}

/// A body decoded to text, with the charset used and how it was chosen.
public struct DecodedBody: Sendable, Equatable {
    /// The decoded text.
    public var text: String
    /// The canonical name of the charset the bytes were decoded with (`UTF-8`, `GB18030`, `BIG5-HKSCS` …).
    public var charset: String
    /// Which step of the order chose the charset.
    public var detectedBy: CharsetSource

    /// A decoded body.
    public init(text: String, charset: String, detectedBy: CharsetSource) {
        self.text = text
        self.charset = charset
        self.detectedBy = detectedBy
    }
}

/// Decodes fetched bytes to text, choosing the charset as DESIGN.md says.
///
/// Order: `forced` (the source's `charset`), the `Content-Type` charset, a BOM, `<meta charset>` /
/// `http-equiv` in the first 4 KiB, valid UTF-8, uchardet, UTF-8. A declared GB charset whose bytes are valid
/// non-ASCII UTF-8 is decoded as UTF-8 (sites mislabel converted pages). Invalid bytes become U+FFFD.
/// Text that an upstream Windows-1252 decode garbled (no Han, Latin-1 letters throughout) is
/// turned back (`MojibakeRepair`).
public enum CharsetDecoder {
    /// `body` as text. `contentType` is the HTTP header value; `forced` the source's `charset`.
    public static func decode(_ body: [UInt8], contentType: String?, forced: String?) -> DecodedBody {
        var decoded = choose(body, contentType: contentType, forced: forced)
        if let repaired = MojibakeRepair.repair(decoded.text) { decoded.text = repaired }
        return decoded
    }

    /// The charset order, without the mojibake repair.
    private static func choose(_ body: [UInt8], contentType: String?, forced: String?) -> DecodedBody {
        if let forced, let charset = Charset(label: forced) {
            return DecodedBody(text: charset.decode(body), charset: charset.name, detectedBy: .forced)
        }
        if let label = contentType.flatMap(CharsetDeclaration.inContentType), let charset = Charset(label: label) {
            return declared(charset, body, by: .header)
        }
        if let (charset, bomLength) = Charset.byteOrderMark(of: body) {
            return DecodedBody(text: charset.decode(body[bomLength...]), charset: charset.name, detectedBy: .bom)
        }
        if let label = CharsetDeclaration.inMarkup(body.prefix(4096)), let charset = Charset(label: label) {
            return declared(charset, body, by: .meta)
        }
        // Valid UTF-8 with non-ASCII bytes is UTF-8: no legacy Chinese encoding looks like it by chance,
        // and uchardet guesses poorly on short pages.
        if body.contains(where: { $0 >= 0x80 }), let text = String(validating: body, as: UTF8.self) {
            return DecodedBody(text: text, charset: Charset.utf8.name, detectedBy: .detector)
        }
        if let label = CharsetDetector.guess(body), let charset = Charset(label: label) {
            return DecodedBody(text: charset.decode(body), charset: charset.name, detectedBy: .detector)
        }
        return DecodedBody(text: Charset.utf8.decode(body), charset: Charset.utf8.name, detectedBy: .default)
    }

    /// A declared charset, except that GB-labelled pages holding valid non-ASCII UTF-8 are UTF-8.
    private static func declared(_ charset: Charset, _ body: [UInt8], by source: CharsetSource) -> DecodedBody {
        if charset.isGB, body.contains(where: { $0 >= 0x80 }), let text = String(validating: body, as: UTF8.self) {
            return DecodedBody(text: text, charset: Charset.utf8.name, detectedBy: source)
        }
        return DecodedBody(text: charset.decode(body), charset: charset.name, detectedBy: source)
    }
}
