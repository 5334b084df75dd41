/// Splits a paragraph into the units an inline diff compares: each Han character and punctuation
/// mark alone, Latin words whole, and figures whole with their decimal part, percent sign and
/// magnitude (`5.2万`, `84%`, `1,200`), so 84% → 86% is one change, not a change of one digit.
///
/// Works on Unicode scalars and compares them as numbers: hashing `String`s would normalise each one.
struct InlineTokens {
    let scalars: [Unicode.Scalar]
    /// Each unit's scalars; the ranges tile `scalars` in order.
    let ranges: [Range<Int>]

    init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var ranges: [Range<Int>] = []
        var index = 0
        while index < scalars.count {
            let start = index
            let scalar = scalars[index]
            if Self.isDigit(scalar) {
                index = Self.figureEnd(scalars, from: index)
            } else if Self.isWordLetter(scalar) {
                while index < scalars.count, Self.isWordLetter(scalars[index]) || Self.isMark(scalars[index]) { index += 1 }
            } else if scalar.properties.isWhitespace {
                while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
            } else {
                index += 1
                while index < scalars.count, Self.isMark(scalars[index]) { index += 1 }
            }
            ranges.append(start..<index)
        }
        self.scalars = scalars
        self.ranges = ranges
    }

    /// One code per unit, equal codes for equal units.
    func codes(_ interner: inout Interner<ScalarRun>) -> [Int32] {
        ranges.map { interner.code(ScalarRun(scalars: scalars[$0])) }
    }

    /// The text of units `units` (contiguous, so one slice of scalars).
    func text(_ units: Range<Int>) -> String {
        guard !units.isEmpty else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[ranges[units.lowerBound].lowerBound..<ranges[units.upperBound - 1].upperBound])
        return String(view)
    }

    /// Digits, separators followed by a digit, then an optional percent sign and magnitude.
    private static func figureEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < scalars.count {
            if isDigit(scalars[index]) {
                index += 1
            } else if ".,．".unicodeScalars.contains(scalars[index]), index + 1 < scalars.count, isDigit(scalars[index + 1]) {
                index += 2
            } else {
                break
            }
        }
        if index < scalars.count, "%％‰".unicodeScalars.contains(scalars[index]) { index += 1 }
        while index < scalars.count, "万亿".unicodeScalars.contains(scalars[index]) { index += 1 }
        return index
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar)
    }

    /// Latin (and other alphabetic, non-Han) letters: words are compared whole.
    private static func isWordLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x2E80 && scalar.properties.isAlphabetic
    }

    /// Combining marks stay with the letter before them.
    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}

/// A unit's scalars as a dictionary key, hashed as numbers.
struct ScalarRun: Hashable {
    let scalars: ArraySlice<Unicode.Scalar>

    func hash(into hasher: inout Hasher) {
        scalars.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
