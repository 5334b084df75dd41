/// A text as an array of Unicode scalars (the unit of `Fact.offset`) beside its folded form.
///
/// Scanners match against `folded` (Simplified ideographs, ASCII digits) and cut `text` spans out of
/// `scalars`, so a Traditional page yields facts that quote it as written.
struct ScalarText {
    let scalars: [Unicode.Scalar]
    let folded: [UInt32]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        folded = scalars.map(ScriptFold.fold)
    }

    var count: Int { folded.count }

    /// The folded value at `index`, or 0 outside the text.
    @inline(__always)
    subscript(index: Int) -> UInt32 {
        index >= 0 && index < folded.count ? folded[index] : 0
    }

    /// The span as written.
    func original(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    /// The span in folded (Simplified) form.
    func simplified(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        for value in folded[range] {
            if let scalar = Unicode.Scalar(value) { view.append(scalar) }
        }
        return String(view)
    }

    /// Whether `word` (folded scalars) stands at `index`.
    func has(_ word: [UInt32], at index: Int) -> Bool {
        guard index >= 0, index + word.count <= folded.count else { return false }
        for (offset, value) in word.enumerated() where folded[index + offset] != value { return false }
        return true
    }
}

/// Character classes over folded scalar values.
enum ScalarClass {
    @inline(__always)
    static func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }

    @inline(__always)
    static func isASCIILetter(_ value: UInt32) -> Bool {
        (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
    }

    /// A CJK ideograph (basic block, extension A, compatibility ideographs, the supplementary planes).
    @inline(__always)
    static func isIdeograph(_ value: UInt32) -> Bool {
        (value >= 0x4E00 && value <= 0x9FFF) || (value >= 0x3400 && value <= 0x4DBF)
            || (value >= 0xF900 && value <= 0xFAFF) || (value >= 0x20000 && value <= 0x3134F)
    }

    @inline(__always)
    static func isSpace(_ value: UInt32) -> Bool {
        value == 0x20 || value == 0x09 || value == 0xA0 || value == 0x3000
    }
}
