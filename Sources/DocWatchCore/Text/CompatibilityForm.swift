import Foundation

/// Unicode NFKC (`precomposedStringWithCompatibilityMapping`) with a fast path for the scalars Chinese
/// pages are made of.
///
/// Foundation normalises through a UTF-16 copy of the whole string, a noticeable share of storing a page.
/// Most page text is ASCII, CJK ideographs, CJK punctuation and fullwidth forms; for a string of only those
/// the NFKC form is known scalar by scalar: each is its own NFKC form, except the fullwidth ASCII variants
/// (U+FF01…U+FF5E, NFKC their ASCII letter) and the ideographic space (U+3000, NFKC a space). None of them
/// has a combining class or composes with a neighbour, so the string's form is the scalars' forms in turn.
/// Any other scalar sends the whole string through Foundation. `CompatibilityFormTests` checks every
/// scalar of the fast path against Foundation.
public enum CompatibilityForm {
    /// `text` in NFKC.
    public static func nfkc(_ text: String) -> String {
        var needsMapping = false
        for scalar in text.unicodeScalars {
            switch fastForm(scalar) {
            case .same: continue
            case .mapped: needsMapping = true
            case .other: return text.precomposedStringWithCompatibilityMapping
            }
        }
        guard needsMapping else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if case .mapped(let ascii) = fastForm(scalar) { out.append(ascii) } else { out.append(scalar) }
        }
        return String(out)
    }

    /// What NFKC makes of one scalar on the fast path.
    package enum FastForm: Equatable {
        /// The scalar is its own NFKC form.
        case same
        /// A fullwidth form or the ideographic space: NFKC is this ASCII scalar.
        case mapped(Unicode.Scalar)
        /// Not on the fast path: Foundation normalises the string.
        case other
    }

    @inline(__always)
    package static func fastForm(_ scalar: Unicode.Scalar) -> FastForm {
        switch scalar.value {
        case 0x00...0x7F,
             0x3400...0x4DBF,  // CJK Unified Ideographs Extension A
             0x4E00...0x9FFF,  // CJK Unified Ideographs
             0x3001...0x3003, 0x3008...0x3011, 0x3014...0x301B,  // 、。〃 〈〉《》「」『』【】 〔〕〖〗〘〙〚〛
             0x2013...0x2015, 0x2018, 0x2019, 0x201C, 0x201D,  // – — ― ‘ ’ “ ”
             0x00B7:  // ·
            return .same
        case 0xFF01...0xFF5E:
            return Unicode.Scalar(scalar.value - 0xFEE0).map(FastForm.mapped) ?? .other
        case 0x3000:
            return .mapped(" ")
        default:
            return .other
        }
    }
}
