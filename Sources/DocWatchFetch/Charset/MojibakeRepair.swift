import DocWatchCore
/// Undoes text that went through a wrong Latin-1/Windows-1252 decode upstream (`Ž¬³€±»ÓÎ` for
/// 船长被游轮…): some sites and mirrors store Chinese pages that way, sometimes twice over.
enum MojibakeRepair {
    /// The repaired text, or nil when `text` does not look like mojibake or cannot be repaired.
    static func repair(_ text: String) -> String? {
        var current = text
        var repaired = false
        for _ in 0..<2 {
            guard looksLikeMojibake(current), let bytes = windows1252Bytes(current) else { break }
            if let utf8 = String(validating: bytes, as: UTF8.self) {
                current = utf8
            } else if let charset = Charset(label: "gb18030") {
                current = charset.decode(bytes)
            }
            repaired = true
        }
        guard repaired, Han.count(in: current) > 0, !current.unicodeScalars.contains("\u{FFFD}") || Han.count(in: current) > 20 else { return nil }
        return current
    }

    /// No Han characters, and Latin-1 letters in long unbroken runs (every byte of garbled Chinese
    /// is non-ASCII; accented letters in French or German stand one or two at a time).
    static func looksLikeMojibake(_ text: String) -> Bool {
        var latin = 0
        var inLongRuns = 0
        var run = 0
        var other = 0
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                if run >= 4 { inLongRuns += run }
                run = 0
                continue
            }
            if Han.isIdeograph(scalar) { return false }
            if scalar.value <= 0xFF || reverse1252[scalar] != nil {
                latin += 1
                run += 1
            } else {
                other += 1
            }
        }
        if run >= 4 { inLongRuns += run }
        return inLongRuns >= 20 && inLongRuns * 2 >= latin && latin > other * 4
    }

    /// The bytes a Windows-1252 decode turned into `text`; nil when a character has no such byte.
    private static func windows1252Bytes(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value <= 0xFF {
                bytes.append(UInt8(scalar.value))
            } else if let byte = reverse1252[scalar] {
                bytes.append(byte)
            } else {
                return nil
            }
        }
        return bytes
    }

    /// Windows-1252's characters for bytes 0x80–0x9F.
    private static let reverse1252: [Unicode.Scalar: UInt8] = {
        let characters: [(UInt32, UInt8)] = [
            (0x20AC, 0x80), (0x201A, 0x82), (0x0192, 0x83), (0x201E, 0x84), (0x2026, 0x85), (0x2020, 0x86), (0x2021, 0x87),
            (0x02C6, 0x88), (0x2030, 0x89), (0x0160, 0x8A), (0x2039, 0x8B), (0x0152, 0x8C), (0x017D, 0x8E), (0x2018, 0x91),
            (0x2019, 0x92), (0x201C, 0x93), (0x201D, 0x94), (0x2022, 0x95), (0x2013, 0x96), (0x2014, 0x97), (0x02DC, 0x98),
            (0x2122, 0x99), (0x0161, 0x9A), (0x203A, 0x9B), (0x0153, 0x9C), (0x017E, 0x9E), (0x0178, 0x9F),
        ]
        var table: [Unicode.Scalar: UInt8] = [:]
        for (value, byte) in characters {
            if let scalar = Unicode.Scalar(value) { table[scalar] = byte }
        }
        return table
    }()
}
