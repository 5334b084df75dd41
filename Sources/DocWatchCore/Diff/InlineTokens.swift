/// Splits a paragraph into the units an inline diff compares: each Han character and punctuation
/// mark alone, Latin words whole, and figures whole with their decimal part, percent sign and
/// magnitude (`5.2万`, `84%`, `1,200`), so 84% → 86% is one change, not a change of one digit.
enum InlineTokens {
    static func split(_ text: String) -> [String] {
        let characters = Array(text)
        var tokens: [String] = []
        var index = 0
        while index < characters.count {
            let start = index
            let character = characters[index]
            if isDigit(character) {
                index = figureEnd(characters, from: index)
            } else if isWordLetter(character) {
                while index < characters.count, isWordLetter(characters[index]) { index += 1 }
            } else if character.isWhitespace {
                while index < characters.count, characters[index].isWhitespace { index += 1 }
            } else {
                index += 1
            }
            tokens.append(String(characters[start..<index]))
        }
        return tokens
    }

    /// Digits, separators followed by a digit, then an optional percent sign and magnitude.
    private static func figureEnd(_ characters: [Character], from start: Int) -> Int {
        var index = start
        while index < characters.count {
            if isDigit(characters[index]) {
                index += 1
            } else if ".,．".contains(characters[index]), index + 1 < characters.count, isDigit(characters[index + 1]) {
                index += 2
            } else {
                break
            }
        }
        if index < characters.count, "%％‰".contains(characters[index]) { index += 1 }
        while index < characters.count, "万亿".contains(characters[index]) { index += 1 }
        return index
    }

    private static func isDigit(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        return ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar)
    }

    /// Latin (and other alphabetic, non-Han) letters: words are compared whole.
    private static func isWordLetter(_ character: Character) -> Bool {
        guard character.isLetter, let scalar = character.unicodeScalars.first else { return false }
        return scalar.value < 0x2E80
    }
}
