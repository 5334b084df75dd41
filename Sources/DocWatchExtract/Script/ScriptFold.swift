import DocWatchCore

/// Folds Traditional ideographs and full-width digits onto the Simplified, ASCII forms the fact
/// tables are written in, one scalar for one scalar, so offsets never move.
///
/// The ideograph table is OpenCC's own `t2s` character mapping, read once per process by converting
/// every ideograph of the basic CJK block on a line of its own (lines keep phrase rules out).
enum ScriptFold {
    private static let first = Han.unifiedBlock.lowerBound
    private static let last = Han.unifiedBlock.upperBound

    private static let ideographs: [UInt32] = {
        var table = (first...last).map { $0 }
        var source = String.UnicodeScalarView()
        for value in first...last {
            if let scalar = Unicode.Scalar(value) { source.append(scalar) }
            source.append("\n")
        }
        let converted = OpenCCConverter.t2s.convert(String(source))
        let lines = converted.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= table.count else { return table }
        for (index, line) in lines.prefix(table.count).enumerated() where line.count == 1 {
            if let scalar = line.first { table[index] = scalar.value }
        }
        return table
    }()

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
