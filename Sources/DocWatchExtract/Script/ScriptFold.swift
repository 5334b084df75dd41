import DocWatchCore

/// Folds Traditional ideographs and full-width digits onto the Simplified, ASCII forms the fact
/// tables are written in, one scalar for one scalar, so offsets never move.
///
/// The ideograph table is OpenCC's own `t2s` character mapping, read once per process by converting
/// every ideograph of the basic CJK block on a line of its own (lines keep phrase rules out).
enum ScriptFold {
    private static let first = Han.unifiedBlock.lowerBound
    private static let last = Han.unifiedBlock.upperBound

    /// Only the characters t2s changes on its own (`TraditionalText.characters`, about 4,100 of the
    /// block's 21,000) are converted: t2s leaves every other character alone, so their entries are
    /// themselves (a test checks this against converting the whole block).
    static let ideographs: [UInt32] = table(converting: (first...last).filter { TraditionalText.characters.contains($0) })

    /// The fold table of the block with the entries of `values` taken from OpenCC's t2s, one
    /// character a line (lines keep phrase rules out); the others map to themselves.
    static func table(converting values: [UInt32]) -> [UInt32] {
        var table = (first...last).map { $0 }
        var source = String.UnicodeScalarView()
        for value in values {
            if let scalar = Unicode.Scalar(value) { source.append(scalar) }
            source.append("\n")
        }
        let converted = OpenCCConverter.t2s.convert(String(source))
        let lines = converted.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= values.count else { return table }
        for (value, line) in zip(values, lines) where line.count == 1 {
            if let scalar = line.first { table[Int(value - first)] = scalar.value }
        }
        return table
    }

    /// The whole block's table, every character converted: what `ideographs` must equal.
    static func fullTable() -> [UInt32] { table(converting: Array(first...last)) }

    /// The folded values of `values`: Simplified for an ideograph, ASCII for a full-width digit, `%` or `.`.
    ///
    /// Text with no character t2s changes on its own (`TraditionalText.characters`, the table's
    /// non-identity entries) folds its ideographs to themselves, so the table is not consulted and a
    /// process that only meets Simplified pages never pays the ~15 ms it costs to build.
    static func fold(_ values: [UInt32]) -> [UInt32] {
        let characters = TraditionalText.characters
        let traditional = values.contains { value in
            value >= first && value <= last && characters.contains(value)
        }
        guard traditional else { return values.map(foldDigit) }
        return ideographs.withUnsafeBufferPointer { table in
            values.map { value in
                value >= first && value <= last ? table[Int(value - first)] : foldDigit(value)
            }
        }
    }

    /// ASCII for a full-width digit, `%` or `.`; anything else as it is.
    private static func foldDigit(_ value: UInt32) -> UInt32 {
        if value >= 0xFF10 && value <= 0xFF19 { return value - 0xFF10 + 0x30 }
        if value == 0xFF05 { return 0x25 }
        if value == 0xFF0E { return 0x2E }
        return value
    }
}
