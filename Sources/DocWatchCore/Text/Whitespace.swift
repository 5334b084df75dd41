/// The white space docwatch folds: Unicode spaces and line breaks, plus the zero-width space and BOM
/// that CMSs scatter through Chinese text (they must not change a content hash or split a word).
public enum Whitespace {
    @inlinable @inline(__always)
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09...0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: true
        default: false
        }
    }

    /// `text` with every run of white space one ASCII space, leading and trailing runs dropped.
    @inlinable
    public static func fold<Text: StringProtocol>(_ text: Text) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `text` without leading and trailing white space (the same string when there is none).
    @inlinable
    public static func trim<Text: StringProtocol>(_ text: Text) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
