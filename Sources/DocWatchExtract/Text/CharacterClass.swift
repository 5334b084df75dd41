import DocWatchCore
/// Cheap per-scalar tests the extractor's scoring and parsing use.
enum CharacterClass {
    /// Punctuation that ends or splits Chinese clauses: ，。；：、！？ and their kin.
    static func isChinesePunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFF0C, 0x3002, 0xFF1B, 0xFF1A, 0x3001, 0xFF01, 0xFF1F, 0x201C, 0x201D: return true
        default: return false
        }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(scalar.value)
    }
}

extension StringProtocol {
    /// The text with leading and trailing whitespace (including U+3000 and U+00A0) removed.
    var trimmed: String {
        SpaceBytes.trimming(self)
    }

    /// The text with every run of whitespace folded to one ASCII space, trimmed.
    var spaceFolded: String {
        SpaceBytes.folding(self)
    }

    /// The text with all whitespace removed: how titles and names are compared.
    var withoutSpaces: String {
        SpaceBytes.removingSpaces(self)
    }
}
