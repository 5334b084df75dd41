/// Whether a Unicode scalar belongs to a word: a letter, an ideograph or a digit (`isAlphabetic` or with a
/// `numericType`), the test SimHash, paragraph fingerprints and the search tokenizer apply to every
/// character of every page. ASCII, the main CJK ideograph block and the common CJK and general punctuation
/// are answered from their ranges; the rest asks the scalar's Unicode properties (a table look-up each).
public enum WordScalar {
    @inline(__always)
    public static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value &- 0x30 < 10 || (value | 0x20) &- 0x61 < 26 }
        if value >= 0x4E00, value <= 0x9FFF { return true }
        if isPunctuation(value) { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// General punctuation, CJK symbols 、。〃 and brackets 〈…】, fullwidth ！…／ and ：…＠: no letters, no digits.
    @inline(__always)
    private static func isPunctuation(_ value: UInt32) -> Bool {
        (0x2000...0x206F).contains(value) || (0x3000...0x3004).contains(value) || (0x3008...0x3011).contains(value)
            || (0xFF01...0xFF0F).contains(value) || (0xFF1A...0xFF20).contains(value)
    }
}
