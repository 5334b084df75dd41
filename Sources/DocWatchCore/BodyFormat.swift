/// A binary file format recognised by the magic bytes a body starts with.
///
/// The one place that knows file signatures: the ingest path rejects these bodies today, and
/// attachment handling can route the document formats (`pdf`, `ooxml`, `ofd`, `ole2`) to their
/// text extractors from the same table.
public enum BodyFormat: String, Sendable, CaseIterable {
    case pdf, png, jpeg, gif, webp, bmp, ico, tiff, avifOrHeic
    case zip, ooxml, ofd, gzip, bzip2, xz, zstd, sevenZip, rar
    case ole2, mp4, matroska, riff, ogg, flac, mp3, flv, swf, woff, elf

    /// The media type this format is served as.
    public var mimeType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .gif: "image/gif"
        case .webp: "image/webp"
        case .bmp: "image/bmp"
        case .ico: "image/x-icon"
        case .tiff: "image/tiff"
        case .avifOrHeic: "image/heic"
        case .zip: "application/zip"
        case .ooxml: "application/vnd.openxmlformats-officedocument"
        case .ofd: "application/ofd"
        case .gzip: "application/gzip"
        case .bzip2: "application/x-bzip2"
        case .xz: "application/x-xz"
        case .zstd: "application/zstd"
        case .sevenZip: "application/x-7z-compressed"
        case .rar: "application/vnd.rar"
        case .ole2: "application/x-ole-storage"
        case .mp4: "video/mp4"
        case .matroska: "video/x-matroska"
        case .riff: "application/x-riff"
        case .ogg: "audio/ogg"
        case .flac: "audio/flac"
        case .mp3: "audio/mpeg"
        case .flv: "video/x-flv"
        case .swf: "application/x-shockwave-flash"
        case .woff: "font/woff"
        case .elf: "application/x-executable"
        }
    }

    /// The format's name as an operator knows it.
    public var name: String {
        switch self {
        case .pdf: "PDF"
        case .png: "PNG"
        case .jpeg: "JPEG"
        case .gif: "GIF"
        case .webp: "WebP"
        case .bmp: "BMP"
        case .ico: "ICO"
        case .tiff: "TIFF"
        case .avifOrHeic: "HEIC/AVIF"
        case .zip: "ZIP"
        case .ooxml: "OOXML (DOCX/XLSX/PPTX)"
        case .ofd: "OFD"
        case .gzip: "gzip"
        case .bzip2: "bzip2"
        case .xz: "xz"
        case .zstd: "zstd"
        case .sevenZip: "7z"
        case .rar: "RAR"
        case .ole2: "OLE2 (DOC/XLS/WPS/ET)"
        case .mp4: "MP4/MOV"
        case .matroska: "Matroska/WebM"
        case .riff: "RIFF (WAV/AVI)"
        case .ogg: "Ogg"
        case .flac: "FLAC"
        case .mp3: "MP3"
        case .flv: "FLV"
        case .swf: "SWF"
        case .woff: "WOFF"
        case .elf: "ELF"
        }
    }

    /// The format `bytes` start with, if any signature matches.
    public static func detect(_ bytes: [UInt8]) -> BodyFormat? {
        let head = Head(bytes: bytes.prefix(64))
        guard let format = signatures.first(where: { $0.matches(head) })?.format else {
            return head.ascii("%PDF-", at: head.leadingWhitespace) ? .pdf : nil
        }
        return format == .zip ? zipFlavour(bytes) : format
    }

    /// The first bytes of a body, with the tests signatures are written in.
    struct Head {
        let bytes: ArraySlice<UInt8>

        func starts(_ signature: [UInt8], at offset: Int = 0) -> Bool {
            guard bytes.count >= offset + signature.count else { return false }
            return bytes.dropFirst(offset).starts(with: signature)
        }

        func ascii(_ text: String, at offset: Int = 0) -> Bool { starts(Array(text.utf8), at: offset) }

        /// The byte at `offset`, if the head is that long.
        func byte(_ offset: Int) -> UInt8? { offset < bytes.count ? bytes[bytes.startIndex + offset] : nil }

        /// PDF readers accept a few bytes of whitespace before `%PDF-`.
        var leadingWhitespace: Int {
            bytes.prefix(16).prefix { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }.count
        }
    }

    /// Each format's test; the order only matters where one signature is a prefix of another.
    private static let signatures: [(format: BodyFormat, matches: @Sendable (Head) -> Bool)] = [
        (.png, { $0.starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) }),
        (.jpeg, { $0.starts([0xFF, 0xD8, 0xFF]) }),
        (.gif, { $0.ascii("GIF87a") || $0.ascii("GIF89a") }),
        (.webp, { $0.ascii("RIFF") && $0.ascii("WEBP", at: 8) }),
        (.riff, { $0.ascii("RIFF") }),
        // "BM" alone could start a text; the header's reserved field is four zero bytes.
        (.bmp, { $0.ascii("BM") && $0.starts([0, 0, 0, 0], at: 6) }),
        (.ico, { $0.starts([0x00, 0x00, 0x01, 0x00]) || $0.starts([0x00, 0x00, 0x02, 0x00]) }),
        (.tiff, { $0.starts([0x49, 0x49, 0x2A, 0x00]) || $0.starts([0x4D, 0x4D, 0x00, 0x2A]) }),
        (.avifOrHeic, { head in head.ascii("ftyp", at: 4) && ["avif", "heic", "heix", "mif1"].contains { head.ascii($0, at: 8) } }),
        (.mp4, { $0.ascii("ftyp", at: 4) }),
        (.zip, { $0.starts([0x50, 0x4B, 0x03, 0x04]) || $0.starts([0x50, 0x4B, 0x05, 0x06]) || $0.starts([0x50, 0x4B, 0x07, 0x08]) }),
        (.gzip, { $0.starts([0x1F, 0x8B, 0x08]) }),
        (.bzip2, { $0.ascii("BZh") && $0.starts([0x31, 0x41, 0x59, 0x26, 0x53, 0x59], at: 4) }),
        (.xz, { $0.starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) }),
        (.zstd, { $0.starts([0x28, 0xB5, 0x2F, 0xFD]) }),
        (.sevenZip, { $0.starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) }),
        (.rar, { $0.ascii("Rar!") && $0.starts([0x1A, 0x07], at: 4) }),
        (.ole2, { $0.starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) }),
        (.matroska, { $0.starts([0x1A, 0x45, 0xDF, 0xA3]) }),
        (.ogg, { $0.ascii("OggS") && $0.starts([0x00], at: 4) }),
        (.flac, { $0.ascii("fLaC") }),
        (.mp3, { ($0.ascii("ID3") && ($0.byte(3) == 3 || $0.byte(3) == 4)) || $0.starts([0xFF, 0xFB]) }),
        (.flv, { $0.ascii("FLV") && $0.byte(3) == 1 }),
        // The byte after FWS/CWS/ZWS is the version, a small number: "FWS" text goes on with letters.
        (.swf, { ($0.ascii("FWS") || $0.ascii("CWS") || $0.ascii("ZWS")) && ($0.byte(3) ?? 0xFF) < 0x20 }),
        (.woff, { $0.ascii("wOFF") || $0.ascii("wOF2") }),
        (.elf, { $0.starts([0x7F, 0x45, 0x4C, 0x46]) }),
    ]

    /// ZIP refined by its first entry's name: `[Content_Types].xml` or an Office folder is OOXML,
    /// `OFD.xml` is OFD (GB/T 33190).
    private static func zipFlavour(_ bytes: [UInt8]) -> BodyFormat {
        guard bytes.count >= 30, bytes[2] == 0x03 else { return .zip }
        let length = Int(bytes[26]) | Int(bytes[27]) << 8
        guard bytes.count >= 30 + length else { return .zip }
        let name = String(decoding: bytes[30..<(30 + length)], as: UTF8.self)
        if name == "[Content_Types].xml" || name.hasPrefix("word/") || name.hasPrefix("xl/") || name.hasPrefix("ppt/") {
            return .ooxml
        }
        return name.uppercased() == "OFD.XML" ? .ofd : .zip
    }
}
