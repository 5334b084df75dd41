/// Finds the numbers of a text, Arabic (1,400.5) and Chinese (三百), with magnitude, unit and
/// qualifiers; drops dates, times, ordinals and numbers glued to Latin letters (5G, N95).
enum FigureScanner {
    /// How a number is written: in digits (read from the text when its magnitude is known), or as
    /// a Chinese numeral already read.
    private enum Numerals {
        case arabic
        case chinese(Double)
    }

    static func figures(in text: ScalarText) -> [Figure] {
        let percentWord = FigureWords.percentWord
        let numeralStarts = ChineseNumeral.starts
        var figures: [Figure] = []
        var index = 0
        while index < text.count {
            let value = text[index]
            if ScalarClass.isDigit(value) {
                let end = arabicRunEnd(text, from: index)
                let figure = arabicFigure(text, from: index, runEnd: end)
                if let figure { figures.append(figure) }
                index = figure?.range.upperBound ?? end
            } else if value == percentWord[0], text.has(percentWord, at: index) {
                if let figure = spokenPercent(text, from: index) {
                    figures.append(figure)
                    index = figure.range.upperBound
                } else {
                    index += percentWord.count
                }
            } else if numeralStarts.contains(value) {
                let figure = chineseFigure(text, from: index)
                if let figure { figures.append(figure) }
                index = figure?.range.upperBound ?? skipNumerals(text, from: index)
            } else {
                index += 1
            }
        }
        return figures
    }

    /// The end of the run of digits, decimal points and thousands commas starting at `start`.
    private static func arabicRunEnd(_ text: ScalarText, from start: Int) -> Int {
        var index = start
        while index < text.count {
            let value = text[index]
            if ScalarClass.isDigit(value) {
                index += 1
            } else if value == 0x2E, ScalarClass.isDigit(text[index + 1]) {
                index += 1
            } else if value == 0x2C, isThousandsGroup(text, at: index + 1) {
                index += 1
            } else {
                break
            }
        }
        return index
    }

    private static func isThousandsGroup(_ text: ScalarText, at index: Int) -> Bool {
        (0..<3).allSatisfy { ScalarClass.isDigit(text[index + $0]) } && !ScalarClass.isDigit(text[index + 3])
    }

    private static func arabicFigure(_ text: ScalarText, from start: Int, runEnd: Int) -> Figure? {
        let before = text[start - 1]
        let isNegative = (before == 0x2D || before == 0x2212) && !isCodeScalar(text[start - 2])
        if !isNegative && (isCodeScalar(before) || before == 0x2D || before == 0x2F || before == 0x3A
            || before == 0x2E || FigureWords.ordinalMarks.contains(before)) {
            return nil
        }
        let points = (start..<runEnd).count { text[$0] == 0x2E }
        let after = text[runEnd]
        if points > 1 || ScalarClass.isASCIILetter(after) || after == 0x5F { return nil }
        if (after == 0x2D || after == 0x2F || after == 0x3A) && ScalarClass.isDigit(text[runEnd + 1]) { return nil }
        guard var figure = complete(text, numberStart: start, numberEnd: runEnd, written: .arabic) else {
            return nil
        }
        if isNegative {
            figure.value = -figure.value
            figure.numberStart = start - 1
            figure.range = min(figure.range.lowerBound, start - 1)..<figure.range.upperBound
        }
        return figure
    }

    /// A scalar that makes a number next to it part of a code or a date (N95, 2020-04, A_1).
    private static func isCodeScalar(_ value: UInt32) -> Bool {
        ScalarClass.isASCIILetter(value) || ScalarClass.isDigit(value) || value == 0x5F
    }

    private static func chineseFigure(_ text: ScalarText, from start: Int) -> Figure? {
        if FigureWords.ordinalMarks.contains(text[start - 1]) || ChineseNumeral.isNumeral(text[start - 1]) {
            return nil
        }
        guard let numeral = ChineseNumeral.read(text, from: start) else { return nil }
        if numeral.end - start == 1 && text[start] == ChineseNumeral.one { return nil }
        guard let figure = complete(text, numberStart: start, numberEnd: numeral.end, written: .chinese(numeral.value))
        else { return nil }
        return figure.unit != nil ? figure : nil
    }

    private static func skipNumerals(_ text: ScalarText, from start: Int) -> Int {
        var index = start + 1
        while index < text.count && ChineseNumeral.isNumeral(text[index]) { index += 1 }
        return index
    }

    /// 百分之九十九点七, 百分之5.
    private static func spokenPercent(_ text: ScalarText, from start: Int) -> Figure? {
        let numberStart = start + FigureWords.percentWord.count
        let value: Double, end: Int
        if ScalarClass.isDigit(text[numberStart]) {
            end = arabicRunEnd(text, from: numberStart)
            guard let parsed = decimal(text, numberStart..<end, exponent: 0) else { return nil }
            value = parsed
        } else if let numeral = ChineseNumeral.read(text, from: numberStart) {
            (value, end) = (numeral.value, numeral.end)
        } else {
            return nil
        }
        return Figure(range: start..<end, numberStart: start, value: value, isPercent: true, hasMagnitude: false)
    }

    /// Reads what follows a number (inner qualifier, magnitude, unit, per-unit, trailing qualifier, %)
    /// and what precedes it (leading qualifier); nil when the number is part of a date or time.
    private static func complete(_ text: ScalarText, numberStart: Int, numberEnd: Int, written: Numerals) -> Figure? {
        var index = numberEnd
        if text[index] == FigureWords.percentSign, case .arabic = written,
           let value = decimal(text, numberStart..<numberEnd, exponent: 0) {
            return Figure(range: numberStart..<index + 1, numberStart: numberStart, value: value,
                          isPercent: true, hasMagnitude: false)
        }
        if FigureWords.dateMarks.match(in: text, at: index) != nil { return nil }
        var exponent = 0
        var qualifier: String?
        var unit: String?
        for _ in 0..<3 {
            if let found = FigureWords.units.match(in: text, at: index) {
                unit = FigureWords.units.words[found.id]
                index += found.length
                if let split = splitUnit(after: found.id, in: text, at: index) {
                    (unit, qualifier) = (split.unit, qualifier ?? split.qualifier)
                    index += split.length
                }
                break
            }
            if let found = FigureWords.innerQualifiers.match(in: text, at: index) {
                qualifier = qualifier ?? FigureWords.innerQualifiers.words[found.id]
                index += found.length
            } else if exponent == 0, let found = FigureWords.magnitudes.match(in: text, at: index) {
                exponent = FigureWords.exponents[found.id]
                index += found.length
            } else {
                break
            }
        }
        if exponent > 0 && unit == nil && (ChineseNumeral.isNumeral(text[index]) || text[index] == 0x7EA7) {
            return nil  // 246万千亿级: a run of magnitudes, not a figure
        }
        if qualifier != nil && unit == nil && exponent == 0 { return nil }
        if let unitText = unit, text[index] == 0x2F, let per = FigureWords.perUnits.match(in: text, at: index + 1) {
            unit = unitText + "/" + FigureWords.perUnits.words[per.id]
            index += 1 + per.length
        }
        if unit != nil || exponent > 0, let trailing = FigureWords.trailingQualifiers.match(in: text, at: index) {
            qualifier = qualifier ?? FigureWords.trailingQualifiers.words[trailing.id]
            index += trailing.length
        }
        var start = numberStart
        if let leading = FigureWords.leadingQualifiers.match(in: text, endingAt: numberStart) {
            start -= leading.length
            qualifier = FigureWords.leadingQualifiers.words[leading.id]
        }
        let value: Double?
        switch written {
        case .arabic: value = decimal(text, numberStart..<numberEnd, exponent: exponent)
        case .chinese(let numeral): value = numeral * pow10(exponent)
        }
        guard let value else { return nil }
        return Figure(range: start..<index, numberStart: numberStart, value: value, isPercent: false,
                      hasMagnitude: exponent > 0, unit: unit, qualifier: qualifier)
    }

    /// A unit split by its qualifier (3个多小时, 4个多月): the whole unit, the qualifier, and how far
    /// the rest of it reaches past `index`.
    private static func splitUnit(after unitID: Int, in text: ScalarText, at index: Int)
        -> (unit: String, qualifier: String, length: Int)? {
        guard let inner = FigureWords.innerQualifiers.match(in: text, at: index),
              let rest = FigureWords.units.match(in: text, at: index + inner.length)
        else { return nil }
        let whole = FigureWords.units.words[unitID] + FigureWords.units.words[rest.id]
        guard FigureWords.unitSet.contains(whole) else { return nil }
        return (whole, FigureWords.innerQualifiers.words[inner.id], inner.length + rest.length)
    }

    /// The digits in `range` (thousands commas skipped) times ten to `exponent`, correctly rounded:
    /// 11180.7亿 is exactly 1118070000000, which multiplying by 1e8 would not promise.
    private static func decimal(_ text: ScalarText, _ range: Range<Int>, exponent: Int) -> Double? {
        let literal = String(unsafeUninitializedCapacity: range.count + 4) { buffer in
            var length = 0
            for index in range where text[index] != 0x2C {
                buffer[length] = UInt8(truncatingIfNeeded: text[index])
                length += 1
            }
            if exponent > 0 {
                buffer[length] = 0x65  // e
                buffer[length + 1] = UInt8(0x30 + exponent / 10)
                buffer[length + 2] = UInt8(0x30 + exponent % 10)
                length += 3
            }
            return length
        }
        return Double(literal)
    }

    private static func pow10(_ exponent: Int) -> Double {
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }
}
