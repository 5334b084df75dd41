import DocWatchCore
/// Reads Chinese numerals (三百, 两千, 九十九点七, 五千万) written with ideographs.
enum ChineseNumeral {
    private static let digits: [UInt32: Double] = [
        0x96F6: 0, 0x3007: 0, 0x4E00: 1, 0x4E8C: 2, 0x4E24: 2, 0x4E09: 3, 0x56DB: 4,
        0x4E94: 5, 0x516D: 6, 0x4E03: 7, 0x516B: 8, 0x4E5D: 9,
    ]
    private static let smallUnits: [UInt32: Double] = [0x5341: 10, 0x767E: 100, 0x5343: 1000]
    private static let tenThousand: UInt32 = 0x4E07  // 万
    private static let hundredMillion: UInt32 = 0x4EBF  // 亿
    private static let point: UInt32 = 0x70B9  // 点
    static let one: UInt32 = 0x4E00
    static let ten: UInt32 = 0x5341

    /// What a numeral may start with: a digit other than zero, or 十.
    static let starts = ScalarSet("一二两三四五六七八九十")
    private static let numerals = ScalarSet("零〇一二两三四五六七八九十百千万亿")

    @inline(__always)
    static func isNumeral(_ value: UInt32) -> Bool { numerals.contains(value) }

    /// The numeral starting at `start`: its value and where it ends (三百多万 reads 三百; the caller
    /// reads 多 and 万).
    static func read(_ text: ScalarText, from start: Int) -> (value: Double, end: Int)? {
        var total = 0.0, section = 0.0, number = 0.0
        var index = start
        var sawDigitOrUnit = false
        var afterNonzeroDigit = false
        while index < text.count {
            let value = text[index]
            if let digit = digits[value] {
                guard !afterNonzeroDigit else { return nil }  // 三四家, 二〇二〇: not one number
                number = digit
                afterNonzeroDigit = digit > 0
                sawDigitOrUnit = true
                index += 1
                continue
            }
            afterNonzeroDigit = false
            if let unit = smallUnits[value] {
                section += (number == 0 ? 1 : number) * unit
                number = 0
            } else if value == tenThousand {
                guard sawDigitOrUnit else { break }
                section = (section + number) * 10_000
                total += section
                section = 0
                number = 0
            } else if value == hundredMillion {
                guard sawDigitOrUnit else { break }
                total = (total + section + number) * 100_000_000
                section = 0
                number = 0
            } else if value == point, sawDigitOrUnit, let fraction = readFraction(text, from: index + 1) {
                return (total + section + number + fraction.value, fraction.end)
            } else {
                break
            }
            sawDigitOrUnit = true
            index += 1
        }
        guard index > start else { return nil }
        return (total + section + number, index)
    }

    /// Digits after 点, read one by one (七五 → .75).
    private static func readFraction(_ text: ScalarText, from start: Int) -> (value: Double, end: Int)? {
        var index = start
        var scale = 0.1, value = 0.0
        while let digit = digits[text[index]] {
            value += digit * scale
            scale /= 10
            index += 1
        }
        return index > start ? (value, index) : nil
    }
}
