/// The Han (CJK ideograph) code points, defined once for every module: scoring, facts, script
/// detection, search tokens and mojibake repair all ask here.
public enum Han {
    /// CJK Unified Ideographs (U+4E00–U+9FFF): nearly every character these sites write, and the
    /// domain of the per-character tables (script fold, word tables).
    public static let unifiedBlock: ClosedRange<UInt32> = 0x4E00...0x9FFF

    /// A CJK ideograph: the unified block, extension A, the compatibility ideographs and the
    /// supplementary ideographic planes (extensions B–H).
    @inlinable @inline(__always)
    public static func isIdeograph(_ value: UInt32) -> Bool {
        (value >= 0x4E00 && value <= 0x9FFF) || (value >= 0x3400 && value <= 0x4DBF)
            || (value >= 0xF900 && value <= 0xFAFF) || (value >= 0x20000 && value <= 0x3134F)
    }

    /// `isIdeograph` for a scalar.
    @inlinable @inline(__always)
    public static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        isIdeograph(scalar.value)
    }

    /// How many ideographs `text` holds.
    public static func count<Text: StringProtocol>(in text: Text) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isIdeograph($1) ? 1 : 0) }
    }
}
