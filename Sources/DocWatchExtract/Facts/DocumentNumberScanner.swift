import DocWatchCore

/// Finds document numbers (发文字号): issuer, bracketed year, number, 号 — 甬党发〔2020〕4号, also with
/// [ ] ( ) ［ ］ （ ） 【 】 ﹝ ﹞ around the year.
enum DocumentNumberScanner {
    private static let openBrackets = ScalarSet([0x3014, 0x5B, 0x28, 0xFF3B, 0xFF08, 0x3010, 0xFE5D, 0x3016])
    private static let closeBrackets = ScalarSet([0x3015, 0x5D, 0x29, 0xFF3D, 0xFF09, 0x3011, 0xFE5E, 0x3017])
    private static let numberMark: UInt32 = 0x53F7  // 号
    private static let ordinalMark: UInt32 = 0x7B2C  // 第
    private static let maxIssuerLength = 12

    /// Ideographs that end the issuer when reading backwards from the bracket (…的通知(…), 和, 、).
    private static let issuerBreaks = ScalarSet("的和及与或即见")
    /// Words that open a clause, not an issuer (根据甬党发〔2020〕4号).
    private static let issuerLeads = WordTable([
        "根据", "按照", "依据", "依照", "参照", "对照", "印发", "转发", "结合", "贯彻", "落实", "详见", "文号",
        "发文字号", "字号", "文件",
    ])

    static func facts(in text: ScalarText) -> [Fact] {
        var facts: [Fact] = []
        var index = 0
        let openBrackets = Self.openBrackets
        while index < text.count {
            if openBrackets.contains(text[index]), let fact = documentNumber(at: index, in: text) {
                facts.append(fact)
                index = fact.offset + fact.text.unicodeScalars.count
            } else {
                index += 1
            }
        }
        return facts
    }

    private static func documentNumber(at bracket: Int, in text: ScalarText) -> Fact? {
        var index = skipSpaces(bracket + 1, in: text)
        guard let year = digits(from: index, in: text), year.end - index == 4,
              (1949...2100).contains(year.value)
        else { return nil }
        index = skipSpaces(year.end, in: text)
        guard closeBrackets.contains(text[index]) else { return nil }
        index = skipSpaces(index + 1, in: text)
        if text[index] == ordinalMark { index = skipSpaces(index + 1, in: text) }
        guard let number = digits(from: index, in: text), number.end - index <= 6 else { return nil }
        index = skipSpaces(number.end, in: text)
        guard text[index] == numberMark, let issuer = issuer(before: bracket, in: text) else { return nil }
        let range = issuer.lowerBound..<index + 1
        return Fact(
            kind: .docNumber, text: text.original(range), offset: range.lowerBound,
            issuer: text.original(issuer), year: year.value, number: number.value
        )
    }

    /// The issuer's abbreviation just before the bracket (spaces between allowed): a run of
    /// ideographs, at least two.
    private static func issuer(before bracket: Int, in text: ScalarText) -> Range<Int>? {
        var end = bracket
        while end > 0 && ScalarClass.isSpace(text[end - 1]) { end -= 1 }
        var start = end
        while start > 0 && end - start < maxIssuerLength {
            let value = text[start - 1]
            guard Han.isIdeograph(value), !issuerBreaks.contains(value) else { break }
            start -= 1
        }
        while let lead = issuerLeads.match(in: text, at: start), end - start - lead.length >= 2 {
            start += lead.length
        }
        return end - start >= 2 ? start..<end : nil
    }

    private static func digits(from start: Int, in text: ScalarText) -> (value: Int, end: Int)? {
        var index = start
        var value = 0
        while ScalarClass.isDigit(text[index]) && index - start < 9 {
            value = value * 10 + Int(text[index] - 0x30)
            index += 1
        }
        return index > start ? (value, index) : nil
    }

    private static func skipSpaces(_ start: Int, in text: ScalarText) -> Int {
        var index = start
        while ScalarClass.isSpace(text[index]) { index += 1 }
        return index
    }
}
